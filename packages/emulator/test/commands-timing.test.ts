import { COMMANDS, commandExecutionResponseSchema } from '@paddock/contract';
import { ApiError } from '../src/http/api-error.js';
import { connectOk, expectApiError, getToken, ORIGIN } from './helpers/setup.js';
import { apiRequest, CONTROL, putSettings, setupScripted } from './helpers/vehicle-actions.js';

async function connected() {
  const t = setupScripted();
  const user = await connectOk(t, {
    clientId: t.app.clientId,
    email: 'slow@example.com',
    permissions: CONTROL,
  });
  const token = await getToken(t, t.app);
  return { t, token, vehicleId: user.vehicleIds[0]!, userId: user.userId };
}

const lockPath = (vehicleId: string) =>
  `/v3/vehicles/${vehicleId}/commands/${COMMANDS['security-lock'].path}`;

describe('command timing (PUT /_emulator/settings/commands)', () => {
  it('answers 200 after the configured delay while it is under the long-running threshold', async () => {
    const { t, token, vehicleId, userId } = await connected();
    expect(await putSettings(t, 'commands', { delayMs: 60, longRunningAfterMs: 5000 })).toEqual({
      delayMs: 60,
      longRunningAfterMs: 5000,
    });
    const started = performance.now();
    const res = await apiRequest(t, 'POST', lockPath(vehicleId), { token, userId });
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    expect(res.status).toBe(200);
    expect(commandExecutionResponseSchema.parse(await res.json()).data.attributes.executionMode).toBe('sync');
  });

  it('answers 202 at once past the threshold, then streams the final async command-execution', async () => {
    const { t, token, vehicleId, userId } = await connected();
    await putSettings(t, 'commands', { delayMs: 200, longRunningAfterMs: 10 });
    const started = performance.now();
    const res = await apiRequest(t, 'POST', lockPath(vehicleId), { token, userId });
    expect(performance.now() - started).toBeLessThan(150);
    expect(res.status).toBe(202);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('content-length')).toBeNull();
    expect(t.simulator.calls).toEqual([]);

    const text = await res.text();
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    const { data } = commandExecutionResponseSchema.parse(JSON.parse(text));
    expect(data.attributes).toMatchObject({
      commandType: 'security-lock',
      executionMode: 'async',
      status: { value: 'SUCCESS' },
    });
    expect(t.simulator.calls).toEqual([['lock', vehicleId]]);

    const read = await apiRequest(t, 'GET', `/v3/vehicles/${vehicleId}/commands/${data.id}`, {
      token,
      userId,
    });
    expect(commandExecutionResponseSchema.parse(await read.json()).data).toEqual(data);
  });

  it('streams whitespace at once, then FAILED with the error when the vehicle refuses', async () => {
    const { t, token, vehicleId, userId } = await connected();
    await putSettings(t, 'commands', { delayMs: 120, longRunningAfterMs: 0 });
    t.simulator.failNext('lock', new ApiError('VEHICLE_STATE', 'IN_MOTION'));
    const res = await apiRequest(t, 'POST', lockPath(vehicleId), { token, userId });
    expect(res.status).toBe(202);
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first.trim()).toBe('');

    let rest = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    const { data } = commandExecutionResponseSchema.parse(JSON.parse(first + rest));
    expect(data.attributes.status.value).toBe('FAILED');
    expect(data.attributes.status.error).toMatchObject({
      status: '409',
      type: 'VEHICLE_STATE',
      code: 'IN_MOTION',
    });
    expect(data.meta.completedAt).not.toBeNull();
    const read = await apiRequest(t, 'GET', `/v3/vehicles/${vehicleId}/commands/${data.id}`, {
      token,
      userId,
    });
    expect(commandExecutionResponseSchema.parse(await read.json()).data.attributes.status.value).toBe(
      'FAILED',
    );
  });

  it('names the execution in Content-Location, PENDING until the vehicle answers', async () => {
    const { t, token, vehicleId, userId } = await connected();
    await putSettings(t, 'commands', { delayMs: 150, longRunningAfterMs: 0 });
    const res = await apiRequest(t, 'POST', lockPath(vehicleId), { token, userId });
    expect(res.status).toBe(202);
    const location = res.headers.get('content-location')!;
    expect(location).toMatch(new RegExp(`/v3/vehicles/${vehicleId}/commands/exec_[0-9A-Z]{26}$`));
    const pending = await apiRequest(t, 'GET', new URL(location).pathname, { token, userId });
    const during = commandExecutionResponseSchema.parse(await pending.json()).data;
    expect(during.attributes.status).toEqual({ value: 'PENDING' });
    expect(during.meta).toMatchObject({ completedAt: null, durationInSeconds: null });
    expect(during.attributes.executionMode).toBe('async');

    const final = commandExecutionResponseSchema.parse(JSON.parse(await res.text())).data;
    expect(final.id).toBe(during.id);
    expect(final.attributes.status).toEqual({ value: 'SUCCESS' });
    expect(final.links?.self).toBe(location);
  });

  it('validates the settings and reports them with GET', async () => {
    const { t } = await connected();
    for (const body of [
      '{',
      '{"delayMs":-1}',
      '{"delayMs":600001}',
      '{"delay":5}',
      '{"longRunningAfterMs":"1"}',
    ]) {
      const res = await t.fetch(`${ORIGIN}/_emulator/settings/commands`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await expectApiError(res, 400, 'VALIDATION', 'INVALID_INPUT_FORMAT');
    }
    const res = await t.fetch(`${ORIGIN}/_emulator/settings/commands`);
    expect(await res.json()).toEqual({ delayMs: 0, longRunningAfterMs: 5000 });
  });
});
