import type { JSX as HonoJSX } from 'hono/jsx';

/**
 * The JSX factory of every view: each element becomes its HTML as it is
 * created, children and attribute values escaped, so rendering a page is
 * string concatenation.
 *
 * Hono's JSX runtime builds a tree of nodes and renders it in a second walk,
 * looking up an SVG namespace context for every element and keeping a render
 * context in an AsyncLocalStorage, whose promise hooks then tax every promise
 * of the process; that was a quarter of a dashboard view's CPU. Pages render
 * byte for byte as they did with Hono's runtime, for every element and
 * attribute the views use. Elements are typed as Hono types its own (an
 * escaped string; at run time an object whose `toString()` is the HTML), so
 * `c.html(<Page />)` works unchanged, and Hono's `raw()` strings are children
 * like any element.
 *
 * A view file opts in with three pragma comments on its first line,
 * `@jsxRuntime classic`, `@jsx h` and `@jsxFrag Fragment` (one per comment:
 * TypeScript reads a single pragma per comment), and imports `h` (and
 * `Fragment` if it uses `<>`) from here.
 */

/** Rendered HTML, typed as Hono's `HtmlEscapedString`: use `String(html)` or `html.toString()` for the text. */
export type Html = string & { readonly isEscaped: true };

/** What may appear between tags. */
export type Child = Html | string | number | boolean | null | undefined | readonly Child[];

type Props = Record<string, unknown> & { children?: Child };
type Component = (props: never) => Html | null;

/**
 * An element's HTML. Not a String object: adding one to a string goes
 * through ToPrimitive, ten times slower than reading a field; and Hono's
 * `c.html()` turns any other object into a primitive string with
 * `toString()`, which `@hono/node-server` then writes directly.
 */
class Rendered {
  readonly isEscaped = true;
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

// Elements that have no end tag when they have no children.
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
// Written as `name=""` when true and left out when false; any other boolean is written as its word.
const BOOLEAN_ATTRIBUTES = new Set([
  'allowfullscreen',
  'async',
  'autofocus',
  'autoplay',
  'checked',
  'controls',
  'default',
  'defer',
  'disabled',
  'download',
  'formnovalidate',
  'hidden',
  'inert',
  'ismap',
  'itemscope',
  'loop',
  'multiple',
  'muted',
  'nomodule',
  'novalidate',
  'open',
  'playsinline',
  'readonly',
  'required',
  'reversed',
  'selected',
  'shadowrootclonable',
  'shadowrootdelegatesfocus',
  'shadowrootserializable',
]);
/** Props that are never attributes: React's, and the `__source`/`__self` a development JSX transform adds (Vitest's). */
const isNotAttribute = (name: string) =>
  name === 'children' || name === 'key' || name === 'ref' || name === '__source' || name === '__self';
const SPECIAL = /[&<>'"]/;
const SPECIAL_ALL = /[&<>'"]/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#39;',
  '"': '&quot;',
};

/** Marks a string as HTML, as Hono's `raw()` does: only for strings known to be safe. */
export function trusted(html: string): Html {
  return new Rendered(html) as unknown as Html;
}

const EMPTY = trusted('');

/** Escapes the five characters that are special in HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ENTITIES[c] as string) : text;
}

/** The HTML of an element, or of an escaped string made elsewhere (Hono's `raw()`); undefined for anything else. */
function htmlOf(value: object): string | undefined {
  if (value instanceof Rendered) return value.html;
  return (value as { isEscaped?: unknown }).isEscaped === true ? String(value) : undefined;
}

function appendChild(out: string, child: unknown): string {
  if (typeof child === 'string') return out + escapeHtml(child);
  if (child === null || child === undefined || typeof child === 'boolean') return out;
  if (typeof child === 'number') return out + child;
  if (Array.isArray(child)) {
    for (const item of child) out = appendChild(out, item);
    return out;
  }
  const html = typeof child === 'object' ? htmlOf(child) : undefined;
  if (html === undefined) throw new TypeError(`a view cannot render a ${typeof child} as a child`);
  return out + html;
}

function attribute(name: string, value: unknown, tag: string): string {
  if (typeof value === 'string') return isNotAttribute(name) ? '' : ` ${name}="${escapeHtml(value)}"`;
  if (value === null || value === undefined || isNotAttribute(name)) return '';
  if (typeof value === 'number') return ` ${name}="${value}"`;
  if (typeof value === 'boolean') {
    if (BOOLEAN_ATTRIBUTES.has(name)) return value ? ` ${name}=""` : '';
    return ` ${name}="${value}"`;
  }
  // As Hono does: an escaped string (`raw()`) goes in as it is, anything else as its escaped text.
  if (value instanceof String && (value as { isEscaped?: unknown }).isEscaped === true)
    return ` ${name}="${value.valueOf()}"`;
  if (typeof value === 'function' || name === 'style')
    throw new TypeError(`attribute ${name} of <${tag}> must be a string, a number or a boolean`);
  return ` ${name}="${escapeHtml(String(value))}"`;
}

/** The JSX factory (`@jsx h`): an element, a component or a fragment, rendered at once. */
export function h(tag: string | Component, props: Props | null, ...children: Child[]): Html {
  if (typeof tag === 'function') {
    const all: Props = props ?? {};
    if (children.length > 0) all.children = children.length === 1 ? children[0] : children;
    const result = tag(all as never) as unknown;
    if (result === null || result === undefined || typeof result === 'boolean') return EMPTY;
    return result instanceof Rendered ? (result as unknown as Html) : trusted(appendChild('', result));
  }
  let out = `<${tag}`;
  let inner: string | undefined;
  if (props !== null) {
    for (const name in props) {
      const value = props[name];
      if (name === 'dangerouslySetInnerHTML') {
        if (children.length > 0) throw new TypeError(`<${tag}> cannot have both children and inner HTML`);
        inner = String((value as { __html: unknown }).__html);
      } else {
        out += attribute(name, value, tag);
      }
    }
  }
  if (inner === undefined && children.length === 0 && VOID.has(tag)) return trusted(`${out}/>`);
  out = inner === undefined ? appendChild(`${out}>`, children) : `${out}>${inner}`;
  return trusted(`${out}</${tag}>`);
}

/**
 * A component whose HTML depends on nothing but its props, drawn once per
 * distinct `key(props)` and then reused: for the pictures a page repeats
 * (a vehicle's silhouette, its gauge), whose many SVG attributes were a
 * third of the dashboard's rendering. `key` must tell apart every props
 * that draw differently. At most `kept` drawings are kept (oldest dropped).
 */
export function pure<P>(
  component: (props: P) => Html,
  key: (props: P) => string,
  kept = 1_000,
): (props: P) => Html {
  const drawn = new Map<string, Html>();
  return (props) => {
    const k = key(props);
    let html = drawn.get(k);
    if (html === undefined) {
      html = component(props);
      if (drawn.size >= kept) drawn.delete(drawn.keys().next().value as string);
      drawn.set(k, html);
    }
    return html;
  };
}

/** The fragment of the JSX factory (`@jsxFrag Fragment`): its children, one after the other. */
export function Fragment(props: { children?: Child }): Html {
  return trusted(appendChild('', props.children));
}

// TypeScript reads the element and attribute types of `@jsx h` from `h.JSX`: Hono's attribute
// types, so views are checked as before.
export declare namespace h {
  namespace JSX {
    type Element = Html;
    interface ElementChildrenAttribute {
      children: Child;
    }
    interface IntrinsicElements extends HonoJSX.IntrinsicElements {
      // SVG elements and any other tag, as Hono allows them.
      [tag: string]: Record<string, unknown>;
    }
  }
}
