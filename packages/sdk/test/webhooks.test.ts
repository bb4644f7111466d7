import { createHmac } from 'node:crypto';
import {
  answerChallenge,
  assertWebhook,
  InvalidResponseError,
  parseWebhookEvent,
  SmartcarClient,
  signWebhookForTest,
  unwrapWebhook,
  verifyWebhook,
  WebhookSignatureError,
} from '../src/index.js';
import { CREDENTIALS } from './fake-smartcar.js';
import { fixture, fixtureText } from './load-fixture.js';

const AMT = 'amt-0f6c2b1e-test';

/** HMAC-SHA256 hex through Web Crypto: an implementation independent of the SDK's. */
async function webCryptoHmacHex(key: string, message: string): Promise<string> {
  const enc = new TextEncoder();
  const k = await crypto.subtle.importKey('raw', enc.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(message)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the official Node SDK's `verifyPayload(amt, signature, body)` does: HMAC of the re-serialised body. */
function reserialisingCheck(parsedBody: unknown, signature: string, amt: string): boolean {
  return createHmac('sha256', amt).update(JSON.stringify(parsedBody)).digest('hex') === signature;
}

/** Re-serialising with sorted keys, as canonicalising receivers and some body parsers do. */
function sortedKeysCheck(parsedBody: unknown, signature: string, amt: string): boolean {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  return (
    createHmac('sha256', amt)
      .update(JSON.stringify(sort(parsedBody)))
      .digest('hex') === signature
  );
}

/**
 * A body as a sender may really write it: spacing and line breaks, keys in
 * no sorted order, a number written `78.0`, and escapes (`\u00e9`, `\/`)
 * that `JSON.stringify` writes differently.
 */
const RAW = `{
  "eventType": "VEHICLE_STATE",  "eventId": "5a1e-raw",
  "data": { "vehicle": { "make": "RENAULT", "model": "M\\u00e9gane E-Tech", "id": "veh-1", "year": 2024 },
            "user": { "id": "user-1", "externalId": "caf\\u00e9\\/42" },
            "signals": [ { "code": "tractionbattery-stateofcharge", "name": "StateOfCharge", "group": "TractionBattery",
                           "body": { "unit": "percent", "value": 78.0 }, "status": { "value": "SUCCESS" },
                           "meta": { "retrievedAt": 1746172531000, "oemUpdatedAt": 1746172490000 } } ] },
  "triggers": [ { "type": "SIGNAL_UPDATED", "signal": { "code": "tractionbattery-stateofcharge" } } ],
  "meta": { "deliveredAt": 1746172532000, "webhookId": "wh-1", "deliveryId": "d-1", "mode": "LIVE", "version": "4.0" }
}`;

describe('verifyWebhook on the raw body', () => {
  test('the body bytes differ from JSON.stringify(JSON.parse(body)): raw check accepts, re-serialising check rejects', async () => {
    const signature = await webCryptoHmacHex(AMT, RAW);
    const reserialised = JSON.stringify(JSON.parse(RAW));
    expect(reserialised).not.toBe(RAW);
    expect(RAW).toContain('\\u00e9');
    expect(reserialised).toContain('é');

    expect(verifyWebhook(RAW, signature, AMT)).toBe(true);
    expect(verifyWebhook(new TextEncoder().encode(RAW), signature, AMT)).toBe(true);
    expect(verifyWebhook(Buffer.from(RAW, 'utf8'), signature.toUpperCase(), AMT)).toBe(true);

    expect(reserialisingCheck(JSON.parse(RAW), signature, AMT)).toBe(false);
    expect(sortedKeysCheck(JSON.parse(RAW), signature, AMT)).toBe(false);
    expect(verifyWebhook(reserialised, signature, AMT)).toBe(false);
  });

  test('parsed JSON instead of the raw body is a TypeError, not a silent false', () => {
    expect(() => verifyWebhook(JSON.parse(RAW) as never, 'a'.repeat(64), AMT)).toThrow(/raw body/);
  });

  test('a missing, malformed or wrong header is false; an empty token is a TypeError', async () => {
    const good = await webCryptoHmacHex(AMT, RAW);
    for (const header of [
      undefined,
      null,
      '',
      `sha256=${good}`,
      good.slice(0, 63),
      `${good}00`,
      'z'.repeat(64),
    ]) {
      expect(verifyWebhook(RAW, header, AMT), String(header)).toBe(false);
    }
    expect(verifyWebhook(RAW, good, 'another-token')).toBe(false);
    expect(verifyWebhook(`${RAW} `, good, AMT)).toBe(false);
    expect(verifyWebhook(RAW, ` ${good}\n`, AMT)).toBe(true);
    expect(() => verifyWebhook(RAW, good, '')).toThrow(TypeError);
  });

  test('assertWebhook throws WebhookSignatureError', async () => {
    expect(() => assertWebhook(RAW, undefined, AMT)).toThrow(WebhookSignatureError);
    expect(() => assertWebhook(RAW, 'f'.repeat(64), AMT)).toThrow(/does not match/);
    expect(() => assertWebhook(RAW, undefined, AMT)).toThrow(/missing/);
    const good = await webCryptoHmacHex(AMT, RAW);
    expect(() => assertWebhook(RAW, good, AMT)).not.toThrow();
  });

  test('signWebhookForTest signs exactly the bytes it returns', async () => {
    const fromString = signWebhookForTest(RAW, AMT);
    expect(fromString.body).toBe(RAW);
    expect(fromString.headers['sc-signature']).toBe(await webCryptoHmacHex(AMT, RAW));
    const fromObject = signWebhookForTest(fixture('event-vehicle-error'), AMT);
    expect(fromObject.body).toBe(JSON.stringify(fixture('event-vehicle-error')));
    expect(fromObject.headers['content-type']).toBe('application/json');
    expect(verifyWebhook(fromObject.body, fromObject.headers['sc-signature'], AMT)).toBe(true);
  });
});

describe('VERIFY handshake', () => {
  test('answerChallenge is the hex HMAC of the challenge keyed with the management token', async () => {
    expect(answerChallenge('3a8f1c9e2b7d4f60', AMT)).toEqual({
      challenge: await webCryptoHmacHex(AMT, '3a8f1c9e2b7d4f60'),
    });
    // The official SDK's hashChallenge(amt, challenge): createHmac('sha256', amt).update(challenge).digest('hex').
    expect(answerChallenge('abc', AMT).challenge).toBe(createHmac('sha256', AMT).update('abc').digest('hex'));
  });

  test('a challenge that is not a plain token is refused, so the answer cannot sign a forged event', () => {
    const forged = JSON.stringify(fixture('event-vehicle-error'));
    expect(() => answerChallenge(forged, AMT)).toThrow(WebhookSignatureError);
    expect(() => answerChallenge(' x', AMT)).toThrow(WebhookSignatureError);
    expect(() => answerChallenge('', AMT)).toThrow(WebhookSignatureError);
    expect(() => answerChallenge('ok', '')).toThrow(TypeError);
  });
});

describe('unwrapWebhook and the client helpers', () => {
  test('a signed event is parsed; a forged or unsigned one is refused', () => {
    const { body, headers } = signWebhookForTest(RAW, AMT);
    const event = unwrapWebhook(body, headers['sc-signature'], AMT);
    expect(event).toMatchObject({ type: 'VEHICLE_STATE', eventId: '5a1e-raw' });
    if (event.type === 'VEHICLE_STATE') {
      expect(event.vehicle.model).toBe('Mégane E-Tech');
      expect(event.user.externalId).toBe('café/42');
      expect(event.meta.deliveredAt).toEqual(new Date(1746172532000));
    }
    expect(() => unwrapWebhook(body, undefined, AMT)).toThrow(WebhookSignatureError);
    expect(() => unwrapWebhook(body.replace('78.0', '79.0'), headers['sc-signature'], AMT)).toThrow(
      WebhookSignatureError,
    );
    expect(() => unwrapWebhook('not json', undefined, AMT)).toThrow(WebhookSignatureError);
  });

  test('an unsigned VERIFY is accepted, since Smartcar does not sign it', () => {
    expect(unwrapWebhook(fixtureText('event-verify'), undefined, AMT)).toMatchObject({
      type: 'VERIFY',
      challenge: '3a8f1c9e2b7d4f60',
    });
  });

  test('a signed body that is not an event is an InvalidResponseError', () => {
    const signed = signWebhookForTest('{"hello":"world"}', AMT);
    expect(() => unwrapWebhook(signed.body, signed.headers['sc-signature'], AMT)).toThrow(
      InvalidResponseError,
    );
  });

  test('client.webhooks uses the client’s management token', () => {
    const client = new SmartcarClient({ ...CREDENTIALS, managementToken: AMT });
    const signed = signWebhookForTest(RAW, AMT);
    expect(client.webhooks.verify(signed.body, signed.headers['sc-signature'])).toBe(true);
    expect(client.webhooks.unwrap(signed.body, signed.headers['sc-signature']).type).toBe('VEHICLE_STATE');
    expect(client.webhooks.answerChallenge('abc')).toEqual(answerChallenge('abc', AMT));
    const without = new SmartcarClient({ ...CREDENTIALS });
    expect(() => without.webhooks.verify(signed.body, signed.headers['sc-signature'])).toThrow(
      /managementToken/,
    );
  });
});

describe('parseWebhookEvent rejects what is not an event', () => {
  test.each([
    ['not JSON', '{'],
    ['not an object', '[1,2]'],
    ['no eventId', '{"eventType":"VEHICLE_STATE"}'],
    ['unknown type', '{"eventId":"e","eventType":"SOMETHING_NEW"}'],
    ['VERIFY without challenge', '{"eventId":"e","eventType":"VERIFY","data":{}}'],
    ['VEHICLE_STATE without a vehicle', '{"eventId":"e","eventType":"VEHICLE_STATE","data":{}}'],
  ])('%s', (_name, body) => {
    expect(() => parseWebhookEvent(body)).toThrow(InvalidResponseError);
  });

  test('bytes that are not UTF-8', () => {
    expect(() => parseWebhookEvent(new Uint8Array([0x7b, 0xff, 0x7d]))).toThrow(/UTF-8/);
  });
});
