import { COMMANDS, PERMISSIONS, SIGNALS } from '@paddock/contract';
import { ConfigError, DASHBOARD_SCOPE, parseConfig } from '../src/config.js';
import { COMMANDS as PAGE_COMMANDS } from '../src/features/commands/command-catalogue.js';

// The contract's command behind each command the vehicle page sends.
const CONTRACT_COMMAND: Record<string, keyof typeof COMMANDS> = {
  lock: 'security-lock',
  unlock: 'security-unlock',
  'start-charge': 'charge-start',
  'stop-charge': 'charge-stop',
  'set-charge-limit': 'charge-set-limit',
  'send-destination': 'navigation-set-destination',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  test('no variables: the embedded emulator on its defaults', () => {
    const config = parseConfig({});
    expect(config).toEqual({
      port: 8000,
      host: '127.0.0.1',
      databaseUrl: 'file:data/paddock.db',
      logLevel: 'info',
      shutdownDrainMs: 0,
      trustProxy: false,
      scope: DASHBOARD_SCOPE.map((permission) => ({ permission, required: false })),
      mode: 'simulated',
      smartcar: { kind: 'emulator', port: 4010, credentials: undefined },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.smartcar)).toBe(true);
    expect(Object.isFrozen(config.scope)).toBe(true);
  });

  test('SHUTDOWN_DRAIN_MS is whole milliseconds up to a minute', () => {
    expect(parseConfig({ SHUTDOWN_DRAIN_MS: '5000' }).shutdownDrainMs).toBe(5000);
    expect(parseConfig({ SHUTDOWN_DRAIN_MS: ' ' }).shutdownDrainMs).toBe(0);
    for (const bad of ['-1', '1.5', '5s', '60001'])
      expect(problemsOf({ SHUTDOWN_DRAIN_MS: bad }), bad).toEqual([
        expect.stringMatching(/SHUTDOWN_DRAIN_MS must be a whole number of milliseconds from 0 to 60000/),
      ]);
  });

  test('LOG_FORMAT picks JSON or readable lines; unset leaves it to whether stdout is a terminal', () => {
    expect(parseConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(parseConfig({ LOG_FORMAT: ' pretty ' }).logFormat).toBe('pretty');
    expect(parseConfig({}).logFormat).toBeUndefined();
    expect(problemsOf({ LOG_FORMAT: 'xml' })).toEqual([
      expect.stringMatching(/LOG_FORMAT must be one of json, pretty/),
    ]);
  });

  test("Smartcar's four variables select the real hosts", () => {
    const config = parseConfig({
      SMARTCAR_CLIENT_ID: 'client_abc',
      SMARTCAR_CLIENT_SECRET: 's3cret',
      SMARTCAR_REDIRECT_URI: 'https://app.example.com/exchange',
      SMARTCAR_MODE: 'live',
      SMARTCAR_SCOPE: 'read_vehicle_info required:read_battery',
      PORT: '9000',
      TRUST_PROXY: 'true',
    });
    expect(config.smartcar).toEqual({
      kind: 'smartcar',
      clientId: 'client_abc',
      clientSecret: 's3cret',
      redirectUri: 'https://app.example.com/exchange',
    });
    expect(config.mode).toBe('live');
    expect(config.scope).toEqual([
      { permission: 'read_vehicle_info', required: false },
      { permission: 'read_battery', required: true },
    ]);
    expect(config.port).toBe(9000);
    expect(config.trustProxy).toBe(true);
  });

  test('fixed emulator credentials are taken together', () => {
    const config = parseConfig({
      PADDOCK_EMULATOR_CLIENT_ID: 'client_dev',
      PADDOCK_EMULATOR_CLIENT_SECRET: 'dev-secret',
      PADDOCK_EMULATOR_MANAGEMENT_TOKEN: 'dev-amt',
      PADDOCK_EMULATOR_PORT: '4999',
    });
    expect(config.smartcar).toEqual({
      kind: 'emulator',
      port: 4999,
      credentials: { clientId: 'client_dev', clientSecret: 'dev-secret', managementToken: 'dev-amt' },
    });
  });

  test('every problem is reported at once, in one message', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      LOG_FORMAT: 'xml',
      SMARTCAR_CLIENT_ID: 'client_abc',
      SMARTCAR_MODE: 'sideways',
      SMARTCAR_SCOPE: 'read_vehicle_info fly_to_moon',
      DATABASE_URL: 'mysql://u:p@db/paddock',
    });
    const text = problems.join('\n');
    for (const name of [
      'PORT',
      'LOG_LEVEL',
      'LOG_FORMAT',
      'SMARTCAR_MODE',
      'SMARTCAR_SCOPE',
      'DATABASE_URL',
    ]) {
      expect(text).toContain(name);
    }
    expect(problems.filter((p) => p.startsWith('DATABASE_URL'))).toEqual([
      expect.stringMatching(/must be postgres:\/\/…, file:<path>/),
    ]);
    expect(text).toMatch(/fly_to_moon/);
    expect(problems.length).toBeGreaterThanOrEqual(5);
  });

  test('a partial Smartcar configuration names every missing variable', () => {
    const problems = problemsOf({ SMARTCAR_CLIENT_ID: 'client_abc', SMARTCAR_CLIENT_SECRET: 'x' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^SMARTCAR_REDIRECT_URI is missing/);
    expect(problems[1]).toMatch(/^SMARTCAR_MODE is missing/);
    // A secret without an id is partial too: it does not silently fall back to the emulator.
    expect(problemsOf({ SMARTCAR_CLIENT_SECRET: 'x' })).toHaveLength(3);
  });

  test('secrets never appear in the message', () => {
    const secrets = {
      SMARTCAR_CLIENT_SECRET: 'smartcar-secret-value-1234',
      PADDOCK_EMULATOR_CLIENT_SECRET: 'emulator-secret-value-5678',
      PADDOCK_EMULATOR_MANAGEMENT_TOKEN: 'management-token-value-9012',
    };
    let message = '';
    try {
      parseConfig({ ...secrets, SMARTCAR_MODE: 'sideways', SMARTCAR_REDIRECT_URI: 'not a url' });
    } catch (error) {
      message = String((error as Error).message);
    }
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toContain('SMARTCAR_CLIENT_ID is missing');
    expect(message).toContain('SMARTCAR_REDIRECT_URI');
    expect(message).toContain('PADDOCK_EMULATOR_CLIENT_ID is missing');
    for (const value of Object.values(secrets)) expect(message).not.toContain(value);
  });

  test('empty values count as unset, and the ports must differ', () => {
    expect(parseConfig({ PORT: '', SMARTCAR_CLIENT_ID: '' }).port).toBe(8000);
    expect(problemsOf({ PORT: '4010' })).toEqual(['PADDOCK_EMULATOR_PORT must differ from PORT']);
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT must be a port number between 1 and 65535']);
  });

  test('SQLite locations: file:, plain paths and :memory: are accepted', () => {
    for (const url of ['file:data/x.db', './x.db', '/tmp/x.db', ':memory:', 'file:///tmp/x.db']) {
      expect(parseConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
    expect(problemsOf({ DATABASE_URL: 'mysql://db/x' })).toEqual([
      'DATABASE_URL must be postgres://…, file:<path>, a file path or :memory:',
    ]);
  });
});

describe('SMARTCAR_SCOPE', () => {
  test("is read by the contract's parser: each permission once, required wins", () => {
    const { scope } = parseConfig({
      SMARTCAR_SCOPE: 'read_vehicle_info required:read_vehicle_info  read_battery read_battery',
    });
    expect(scope).toEqual([
      { permission: 'read_vehicle_info', required: true },
      { permission: 'read_battery', required: false },
    ]);
  });

  test('commas are not separators: the problem says so', () => {
    expect(problemsOf({ SMARTCAR_SCOPE: 'read_vehicle_info,read_battery' })).toEqual([
      'SMARTCAR_SCOPE: unknown permission "read_vehicle_info,read_battery" (separate permissions with spaces, not commas)',
    ]);
  });

  const real = {
    SMARTCAR_CLIENT_ID: 'c',
    SMARTCAR_CLIENT_SECRET: 's',
    SMARTCAR_REDIRECT_URI: 'https://app.example.com/exchange',
    SMARTCAR_MODE: 'live',
  };

  test("unset or blank with the embedded emulator: everything the dashboard reads and sends; with Smartcar's hosts: the guide's read_vehicle_info", () => {
    for (const blank of [{}, { SMARTCAR_SCOPE: '   ' }]) {
      expect(parseConfig(blank).scope.map((e) => e.permission)).toEqual(DASHBOARD_SCOPE);
      expect(parseConfig(blank).scope.every((e) => !e.required)).toBe(true);
      expect(parseConfig({ ...real, ...blank }).scope).toEqual([
        { permission: 'read_vehicle_info', required: false },
      ]);
    }
  });

  test('the dashboard scope covers every signal of the catalogue and every command of the vehicle page, nothing more', () => {
    const needed = new Set([
      ...Object.values(SIGNALS).map((s) => s.permission),
      ...Object.keys(PAGE_COMMANDS).map((name) => COMMANDS[CONTRACT_COMMAND[name]!].permission),
    ]);
    expect(new Set(DASHBOARD_SCOPE)).toEqual(needed);
    expect(DASHBOARD_SCOPE).toEqual(PERMISSIONS.filter((p) => needed.has(p)));
    expect(DASHBOARD_SCOPE).toEqual(
      expect.arrayContaining(['read_vehicle_info', 'read_battery', 'read_location', 'control_security']),
    );
  });

  test('a set scope wins in either mode', () => {
    expect(parseConfig({ SMARTCAR_SCOPE: 'read_odometer' }).scope).toEqual([
      { permission: 'read_odometer', required: false },
    ]);
    expect(parseConfig({ ...real, SMARTCAR_SCOPE: 'read_odometer' }).scope).toEqual([
      { permission: 'read_odometer', required: false },
    ]);
  });
});

describe('SMARTCAR_REDIRECT_URI', () => {
  const real = { SMARTCAR_CLIENT_ID: 'c', SMARTCAR_CLIENT_SECRET: 's', SMARTCAR_MODE: 'live' };

  test("must point at the app's /exchange route", () => {
    expect(problemsOf({ ...real, SMARTCAR_REDIRECT_URI: 'https://app.example.com/callback' })).toEqual([
      "SMARTCAR_REDIRECT_URI must end in the app's /exchange route (its path is /callback); otherwise Connect sends users back to a page that does not exist",
    ]);
    expect(problemsOf({ ...real, SMARTCAR_REDIRECT_URI: 'https://app.example.com/exchange/' })).toHaveLength(
      1,
    );
  });

  test('is listed with the other problems', () => {
    const problems = problemsOf({ ...real, SMARTCAR_REDIRECT_URI: 'https://x.example/', PORT: 'x' });
    expect(problems.some((p) => p.startsWith('PORT'))).toBe(true);
    expect(problems.some((p) => p.includes('(its path is /)'))).toBe(true);
  });

  test('/exchange with a query is accepted', () => {
    const config = parseConfig({ ...real, SMARTCAR_REDIRECT_URI: 'https://app.example.com/exchange?src=sc' });
    expect(config.smartcar.kind).toBe('smartcar');
  });
});

describe('DATABASE_URL', () => {
  test('a postgres:// or postgresql:// URL selects PostgreSQL', () => {
    for (const url of ['postgres://paddock@db.internal:5432/paddock', 'postgresql://u:p@localhost/app']) {
      expect(parseConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
  });

  test('a malformed one is refused without echoing its password', () => {
    const problems = problemsOf({ DATABASE_URL: 'postgres://user:hunter2@[::1/db' });
    expect(problems).toEqual(['DATABASE_URL is not a valid postgres:// URL']);
  });
});
