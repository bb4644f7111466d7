import { readFile } from 'node:fs/promises';
import { SmartcarClient } from '../src/index.js';

const read = (path: string) => readFile(new URL(path, import.meta.url), 'utf8');

/** Names exported by `src/index.ts`, values and types alike. */
function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const [, list] of source.matchAll(/export (?:type )?\{([^}]*)\}/g)) {
    for (const raw of (list ?? '').split(',')) {
      const name = raw.replace(/^\s*type\s+/, '').trim();
      if (name) names.add(name);
    }
  }
  return [...names];
}

describe('api.md', () => {
  test('lists every export of the package', async () => {
    const [index, api] = await Promise.all([read('../src/index.ts'), read('../api.md')]);
    const names = exportedNames(index);
    expect(names.length).toBeGreaterThan(60);
    // Named in code spans, not merely somewhere in the prose.
    const code = [...api.matchAll(/`([^`]+)`/g)].map((m) => m[1]).join('\n');
    const missing = names.filter((name) => !new RegExp(`\\b${name}\\b`).test(code));
    expect(missing).toEqual([]);
  });

  test('lists every public method of every resource', async () => {
    const api = await read('../api.md');
    const client = new SmartcarClient({ clientId: 'c', clientSecret: 's' });
    const resources = {
      connections: client.connections,
      users: client.users,
      vehicles: client.vehicles,
      signals: client.signals,
      commands: client.commands,
      chargeSchedules: client.chargeSchedules,
      webhooks: client.webhooks,
      subscriptions: client.subscriptions,
      applications: client.applications,
    };
    const missing: string[] = [];
    for (const [name, resource] of Object.entries(resources)) {
      const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(resource)).filter(
        (m) => m !== 'constructor',
      );
      expect(methods.length, name).toBeGreaterThan(0);
      for (const method of methods)
        if (!api.includes(`${name}.${method}(`)) missing.push(`${name}.${method}`);
    }
    for (const member of ['fromEnv', 'buildConnectUrl', 'forUser', 'withOptions']) {
      if (!api.includes(`${member}(`)) missing.push(member);
    }
    expect(missing).toEqual([]);
  });
});
