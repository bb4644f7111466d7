import { verifyEventSchema, webhookResponseSchema } from '@paddock/contract';
import { apiGet, getToken } from './helpers/setup.js';
import { control, createWebhook, WEBHOOK_URL, webhookSetup } from './helpers/webhooks.js';

const webhookState = async (t: ReturnType<typeof webhookSetup>, id: string) =>
  (
    (await (await t.fetch(`/_emulator/webhooks/${id}`)).json()) as {
      data: { isEnabled: boolean; verification: { state: string; detail?: string } };
    }
  ).data;

describe('VERIFY handshake', () => {
  it('sends an unsigned VERIFY with a random challenge and enables the webhook on the right HMAC', async () => {
    const t = webhookSetup();
    const id = await createWebhook(t);
    const [verify] = t.rx.of('VERIFY');
    expect(t.rx.requests).toHaveLength(1);
    expect(verify!.url).toBe(WEBHOOK_URL);
    expect(verify!.headers.get('sc-signature')).toBeNull();
    expect(verify!.headers.get('user-agent')).toMatch(/^Smartcar\//);
    expect(verify!.headers.get('content-type')).toBe('application/json');
    const event = verifyEventSchema.parse(verify!.json);
    expect(event.data.challenge).toMatch(/^[0-9a-f]{64}$/);
    expect(event.meta).toMatchObject({ version: '4.0', webhookId: id, webhookName: 'Battery updates' });

    expect(await webhookState(t, id)).toMatchObject({ isEnabled: true, verification: { state: 'VERIFIED' } });
    const token = await getToken(t, t.app);
    const res = await apiGet(t, `/v3/webhooks/${id}`, token);
    expect(webhookResponseSchema.parse(await res.json()).data.attributes.isEnabled).toBe(true);
  });

  it('stays disabled when the answer is not the HMAC keyed with the management token', async () => {
    const t = webhookSetup();
    t.rx.setBehaviour('wrong-challenge');
    const id = await createWebhook(t);
    const state = await webhookState(t, id);
    expect(state.isEnabled).toBe(false);
    expect(state.verification.state).toBe('FAILED');
    expect(state.verification.detail).toMatch(/HMAC-SHA256/);
  });

  it('stays disabled on a non-200 answer or a non-JSON body', async () => {
    const t = webhookSetup();
    t.rx.setBehaviour('fail');
    expect((await webhookState(t, await createWebhook(t))).isEnabled).toBe(false);
    t.rx.setBehaviour(() => new Response('ok', { status: 200 }));
    expect((await webhookState(t, await createWebhook(t, { name: 'Other' }))).isEnabled).toBe(false);
  });

  it('re-sends VERIFY with a new challenge on request and enables the webhook once answered', async () => {
    const t = webhookSetup();
    t.rx.setBehaviour('fail');
    const id = await createWebhook(t);
    t.rx.setBehaviour('verify');
    const res = await control(t, `/_emulator/webhooks/${id}/verify`);
    expect(res.status).toBe(200);
    const challenges = t.rx.of('VERIFY').map((r) => (r.json.data as { challenge: string }).challenge);
    expect(challenges).toHaveLength(2);
    expect(challenges[0]).not.toBe(challenges[1]);
    expect(await webhookState(t, id)).toMatchObject({ isEnabled: true });
  });

  it('refuses a webhook with unknown signal codes, a bad URL or an unknown application', async () => {
    const t = webhookSetup();
    const base = {
      clientId: t.app.clientId,
      name: 'x',
      callbackUri: WEBHOOK_URL,
      triggers: ['charge-ischarging'],
    };
    for (const body of [
      { ...base, triggers: ['no-such-signal'] },
      { ...base, callbackUri: 'ftp://example.com' },
      { ...base, clientId: 'nobody' },
      { ...base, triggers: [] },
      { ...base, extra: true },
    ]) {
      const res = await control(t, '/_emulator/webhooks', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(t.rx.requests).toHaveLength(0);
  });
});
