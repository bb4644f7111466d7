import { ConfigError, parseConfig } from '../src/config.js';

const REAL = {
  SMARTCAR_CLIENT_ID: 'client',
  SMARTCAR_CLIENT_SECRET: 'secret',
  SMARTCAR_REDIRECT_URI: 'https://app.example.com/exchange',
  SMARTCAR_MODE: 'live',
};

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('SMARTCAR_WEBHOOK_ID and SMARTCAR_MANAGEMENT_TOKEN', () => {
  test("with Smartcar's hosts, the pair gives the app its webhook and the key of its signatures", () => {
    const config = parseConfig({
      ...REAL,
      SMARTCAR_WEBHOOK_ID: 'wh_1',
      SMARTCAR_MANAGEMENT_TOKEN: 'amt-secret',
    });
    expect(config.webhookId).toBe('wh_1');
    expect(config.managementToken).toBe('amt-secret');
    expect(Object.isFrozen(config)).toBe(true);
  });

  test('neither set: no webhook (the endpoint answers 404, nothing is subscribed)', () => {
    const config = parseConfig(REAL);
    expect(config.webhookId).toBeUndefined();
    expect(config.managementToken).toBeUndefined();
  });

  test('one without the other is a boot problem that never prints the token', () => {
    const problems = problemsOf({ ...REAL, SMARTCAR_MANAGEMENT_TOKEN: 'amt-secret' });
    expect(problems).toEqual([
      'SMARTCAR_WEBHOOK_ID is missing: set both SMARTCAR_WEBHOOK_ID and SMARTCAR_MANAGEMENT_TOKEN to receive webhooks, or neither',
    ]);
    expect(problems.join('\n')).not.toContain('amt-secret');
  });

  test('in emulated mode they are refused: the embedded emulator registers its own webhook', () => {
    expect(problemsOf({ SMARTCAR_WEBHOOK_ID: 'wh_1', SMARTCAR_MANAGEMENT_TOKEN: 'amt' })).toEqual([
      "SMARTCAR_WEBHOOK_ID and SMARTCAR_MANAGEMENT_TOKEN are for Smartcar's hosts; the embedded emulator registers its own webhook",
    ]);
  });
});
