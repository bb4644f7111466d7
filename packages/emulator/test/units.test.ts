import { CliConfigError, DEFAULT_PORT, DEFAULT_REDIRECT_URI, parseCliConfig } from '../src/cli-config.js';
import { createEmulator, createManualClock, generateDevelopmentCredentials } from '../src/index.js';
import { seededRandom } from '../src/simulation/seeded.js';
import { generateVin, isValidVin, vinCheckDigit } from '../src/simulation/vin.js';

describe('createManualClock', () => {
  it('starts where told, moves only when told, and refuses to run backwards', () => {
    const clock = createManualClock(1000);
    expect(clock.now()).toBe(1000);
    clock.advance(500);
    expect(clock.now()).toBe(1500);
    clock.set(42);
    expect(clock.now()).toBe(42);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.set(Number.NaN)).toThrow(TypeError);
    expect(createManualClock().now()).toBe(Date.UTC(2026, 0, 1));
  });
});

describe('VINs', () => {
  it('computes the North American check digit', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(isValidVin('1M8GDM9AXKP042788')).toBe(true);
    expect(isValidVin('1M8GDM9A1KP042788')).toBe(false);
    expect(isValidVin('1M8GDM9AXKP04278')).toBe(false);
  });

  it('generates valid VINs with the make’s WMI and the model-year code', () => {
    const random = seededRandom('s', 'vin');
    for (let i = 0; i < 200; i++) {
      const vin = generateVin(random, '5YJ', 2023);
      expect(isValidVin(vin), vin).toBe(true);
      expect(vin.startsWith('5YJ')).toBe(true);
      expect(vin[9]).toBe('P');
    }
  });
});

describe('parseCliConfig', () => {
  it('defaults to port 4010, 127.0.0.1, the guide’s redirect URI and generated credentials', () => {
    expect(parseCliConfig([], {})).toEqual({
      port: DEFAULT_PORT,
      host: '127.0.0.1',
      credentials: undefined,
      redirectUris: [DEFAULT_REDIRECT_URI],
      seed: undefined,
    });
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      PADDOCK_EMULATOR_PORT: '5000',
      PADDOCK_EMULATOR_CLIENT_ID: 'env-id',
      PADDOCK_EMULATOR_CLIENT_SECRET: 'env-secret',
      PADDOCK_EMULATOR_REDIRECT_URIS: 'http://a.test/cb, http://b.test/cb',
    };
    expect(parseCliConfig([], env)).toMatchObject({
      port: 5000,
      credentials: { clientId: 'env-id', clientSecret: 'env-secret' },
      redirectUris: ['http://a.test/cb', 'http://b.test/cb'],
    });
    const config = parseCliConfig(
      [
        '--port',
        '6000',
        '--client-id',
        'flag-id',
        '--redirect-uri',
        'http://c.test/x',
        '--redirect-uri=http://d.test/y',
      ],
      env,
    );
    expect(config).toMatchObject({
      port: 6000,
      credentials: { clientId: 'flag-id', clientSecret: 'env-secret' },
      redirectUris: ['http://c.test/x', 'http://d.test/y'],
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every problem in one error', () => {
    try {
      parseCliConfig(
        ['--port', '70000', '--client-id', 'x', '--redirect-uri', 'not a url', '--verbose', 'extra'],
        {},
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliConfigError);
      const { problems } = error as CliConfigError;
      expect(problems).toEqual(
        expect.arrayContaining([
          'unknown option --verbose',
          'unexpected argument extra',
          'port must be an integer from 0 to 65535',
          'redirect URI must be an absolute http(s) URL',
          'give both a client id and a client secret, or neither',
        ]),
      );
    }
  });

  it('refuses a flag without a value', () => {
    expect(() => parseCliConfig(['--port'], {})).toThrow(/--port needs a value/);
  });
});

describe('registerApplication', () => {
  it('refuses invalid seeds and duplicate client ids with a TypeError', () => {
    const emulator = createEmulator();
    const seed = generateDevelopmentCredentials(['http://localhost:8000/exchange']);
    expect(emulator.registerApplication(seed).clientId).toBe(seed.clientId);
    expect(() => emulator.registerApplication(seed)).toThrow(TypeError);
    expect(() => emulator.registerApplication({ ...seed, clientId: 'x', redirectUris: [] })).toThrow(
      TypeError,
    );
    expect(() =>
      emulator.registerApplication({ ...seed, clientId: 'y', redirectUris: ['http://a.test/cb#frag'] }),
    ).toThrow(/fragment/);
  });
});
