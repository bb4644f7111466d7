import { createEmulator } from '@paddock/emulator';
import { recordingLogger } from './helpers/logger.js';

test('request logs name the route, never the Connect interaction id or the query', async () => {
  const logger = recordingLogger();
  const { lines } = logger;
  const emulator = createEmulator({ logger });
  await emulator.fetch('/oauth/interaction/secret-interaction-id-123');
  await emulator.fetch('/oauth/authorize?client_id=x&state=secret-state-456');
  await emulator.fetch('/v3/vehicles/some-vehicle');

  expect(lines.map((l) => l.route)).toEqual([
    '/oauth/interaction/:id',
    '/oauth/authorize',
    '/v3/vehicles/:vehicleId',
  ]);
  const logged = JSON.stringify(lines);
  expect(logged).not.toContain('secret-interaction-id-123');
  expect(logged).not.toContain('secret-state-456');
});
