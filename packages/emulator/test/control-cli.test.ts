import { CliConfigError, parseCliConfig } from '../src/cli-config.js';

describe('CLI flags of the data file, the development webhook and scenarios', () => {
  it('reads --data, --webhook-url and --scenario, flags over the environment', () => {
    const config = parseCliConfig(
      [
        '--data',
        'state.json',
        '--webhook-url',
        'http://localhost:8000/webhooks/smartcar',
        '--scenario',
        'demo',
      ],
      { PADDOCK_EMULATOR_DATA: 'other.json' },
    );
    expect(config).toMatchObject({
      dataFile: 'state.json',
      webhookUrl: 'http://localhost:8000/webhooks/smartcar',
      scenario: 'demo',
    });
    const fromEnv = parseCliConfig([], {
      PADDOCK_EMULATOR_DATA: 'env.json',
      PADDOCK_EMULATOR_WEBHOOK_URL: 'http://localhost:8000/webhooks/smartcar',
      PADDOCK_EMULATOR_SCENARIO: 'scenario.json',
    });
    expect(fromEnv).toMatchObject({ dataFile: 'env.json', scenario: 'scenario.json' });
  });

  it('has no data file and no webhook by default', () => {
    const config = parseCliConfig([], {});
    expect(config.dataFile).toBeUndefined();
    expect(config.webhookUrl).toBeUndefined();
    expect(config.scenario).toBeUndefined();
  });

  it('reports a webhook URL that is not http(s) together with other problems', () => {
    try {
      parseCliConfig(['--webhook-url', 'mailto:x@example.com', '--data', ''], { LOG_FORMAT: 'xml' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliConfigError);
      const { problems } = error as CliConfigError;
      expect(problems.join('\n')).toMatch(/webhook URL must be an absolute http\(s\) URL/);
      expect(problems.join('\n')).toMatch(/data file path must not be empty/);
      expect(problems.join('\n')).toMatch(/LOG_FORMAT must be json or pretty/);
    }
  });

  it('reads LOG_FORMAT; unset leaves it to whether stdout is a terminal', () => {
    expect(parseCliConfig([], { LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(parseCliConfig([], { LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(parseCliConfig([], {}).logFormat).toBeUndefined();
  });
});
