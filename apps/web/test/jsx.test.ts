import { raw } from 'hono/html';
import { Fragment as HonoFragment, jsx as honoJsx } from 'hono/jsx';
import { Fragment, h, pure, trusted } from '../src/http/jsx.js';

// Builds the same tree with either factory: the views' (`h`) and Hono's, which the views used before.
type Factory = (tag: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;
type Tree = (f: Factory, fragment: unknown) => unknown;

const trees: Record<string, Tree> = {
  'text and attributes are escaped': (f) =>
    f('p', { class: 'a"b', title: "it's <b> & co" }, 'Fish & <chips> "quoted" \'single\''),
  'numbers, booleans, null and undefined': (f) =>
    f(
      'div',
      { 'data-n': 42, 'aria-hidden': true, hidden: true, disabled: false, id: null, lang: undefined },
      [0, 1.5, null, undefined, false, true, 'x'],
    ),
  'void elements close themselves; others do not': (f) =>
    f(
      'head',
      null,
      f('meta', { charset: 'utf-8' }),
      f('link', { rel: 'stylesheet', href: '/a.css' }),
      f('script', { src: '/a.js', defer: true }),
      f('title', null, 'T · Paddock'),
    ),
  'forms, inputs and buttons': (f) =>
    f(
      'form',
      { method: 'post', action: '/x?a=1&b=2' },
      f('input', { type: 'hidden', name: '_csrf', value: 'tok' }),
      f('input', { type: 'checkbox', name: 'c', checked: true, required: true }),
      f('button', { type: 'submit', class: 'link-button' }, 'Go'),
    ),
  'svg keeps its attribute names': (f) =>
    f(
      'svg',
      { viewBox: '0 0 10 10', role: 'img', 'aria-label': 'A & B' },
      f('title', null, 'A & B'),
      f('path', { d: 'M0 0 L1 1 Z', 'stroke-width': '2', fill: '#fff' }),
      f('text', { x: '1', 'text-anchor': 'middle', 'font-size': 11 }, '?'),
    ),
  'nested arrays, fragments and components': (f, fragment) =>
    f(
      'ul',
      null,
      [1, 2].map((n) => f('li', { 'data-n': n }, [`item ${n}`, [f('b', null, '!')]])),
      f(fragment, null, ' ', f('a', { href: '/' }, 'home'), null),
      f(
        ({ title, children }: { title: string; children?: unknown }) => f('li', { title }, children),
        { title: 'c' },
        'one',
        'two',
      ),
    ),
  'inner HTML and escaped strings go in as they are': (f) =>
    f(
      'div',
      { 'data-raw': raw('&amp;') },
      f('style', { dangerouslySetInnerHTML: { __html: 'a > b { content: "x" }' } }),
      raw('<!DOCTYPE html>'),
      '<not raw>',
    ),
  'a component may return nothing, a string or a number': (f) =>
    f(
      'p',
      null,
      f(() => null, null),
      f(() => 'a < b', null),
      f(() => 7, null),
      f(() => false, null),
    ),
};

describe('the views’ JSX factory', () => {
  for (const [name, tree] of Object.entries(trees)) {
    test(`renders exactly as Hono’s JSX: ${name}`, async () => {
      const ours = String(tree(h as Factory, Fragment));
      const hono = String(await (tree(honoJsx as Factory, HonoFragment) as object).toString());
      expect(ours).toBe(hono);
    });
  }

  test('an element is HTML that Hono passes through: c.html() gets the text, raw() nests it', () => {
    const element = h('p', null, 'a & b');
    expect((element as unknown as { isEscaped: boolean }).isEscaped).toBe(true);
    expect(`${element}`).toBe('<p>a &amp; b</p>');
    expect(String(h('div', null, element, trusted('<br>')))).toBe('<div><p>a &amp; b</p><br></div>');
  });

  test('a pure component is drawn once per key, as it would be drawn each time', () => {
    let drawn = 0;
    const draw = ({ n, label }: { n: number; label: string }) => {
      drawn++;
      return h('b', { 'data-n': n }, label);
    };
    const Pure = pure(draw, ({ n, label }) => `${n}|${label}`, 2);
    const render = (n: number, label: string) => String(h(Pure, { n, label }));
    expect(render(1, 'a & b')).toBe(String(draw({ n: 1, label: 'a & b' })));
    drawn = 0;
    expect(render(1, 'a & b')).toBe('<b data-n="1">a &amp; b</b>');
    expect(render(2, 'c')).toBe('<b data-n="2">c</b>');
    expect(drawn).toBe(1);
    // Past the two kept, the oldest is drawn again.
    render(3, 'd');
    render(1, 'a & b');
    expect(drawn).toBe(3);
  });

  test('what a view cannot render is an error, not silent output', () => {
    expect(() => h('a', { onclick: () => {} })).toThrow(TypeError);
    expect(() => h('a', { style: { color: 'red' } })).toThrow(TypeError);
    expect(() => h('p', null, { some: 'object' } as never)).toThrow(TypeError);
    expect(() => h('style', { dangerouslySetInnerHTML: { __html: 'x' } }, 'y')).toThrow(TypeError);
  });
});
