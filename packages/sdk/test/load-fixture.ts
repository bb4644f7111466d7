import { readFileSync } from 'node:fs';

/** A payload of `test/fixtures/`, written from the reference's examples, as a string or parsed. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
}

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}
