import {
  APIError,
  BadRequestError,
  CompatibilityError,
  OAuthError,
  parseWebhookEvent,
} from '../src/index.js';
import { fixture } from './load-fixture.js';

/** The reference's webhook events (§4.4) and error bodies (§5.1, §2), parsed from `test/fixtures/*.json`. */

describe('webhook events (§4.4)', () => {
  test('VERIFY, with an ISO deliveredAt', () => {
    expect(parseWebhookEvent(JSON.stringify(fixture('event-verify')))).toMatchObject({
      type: 'VERIFY',
      eventId: 'e1b00000-0000-4000-8000-000000000001',
      challenge: '3a8f1c9e2b7d4f60',
      legacy: false,
      meta: { webhookName: 'Battery updates', deliveredAt: new Date('2026-04-30T12:00:00.000Z') },
    });
  });

  test('the legacy v2 verify body', () => {
    expect(parseWebhookEvent(JSON.stringify(fixture('event-verify-legacy-v2')))).toMatchObject({
      type: 'VERIFY',
      challenge: '3a8f1c9e2b7d4f60',
      legacy: true,
      meta: { version: '2.0', webhookId: '9d5c0000-0000-4000-8000-000000000001' },
    });
  });

  test('VEHICLE_STATE from the dashboard sample: {type, signal} triggers, epoch-ms timestamps', () => {
    const event = parseWebhookEvent(
      new TextEncoder().encode(JSON.stringify(fixture('event-vehicle-state-dashboard'))),
    );
    expect(event.type).toBe('VEHICLE_STATE');
    if (event.type !== 'VEHICLE_STATE') return;
    expect(event.user).toEqual({ id: '8f3f0000-0000-4000-8000-000000000001', externalId: 'customer-1234' });
    expect(event.vehicle).toEqual({
      id: '36ab0000-0000-4000-8000-000000000001',
      make: 'TESLA',
      model: 'Model 3',
      year: 2024,
      mode: 'live',
      powertrainType: 'BEV',
    });
    expect(event.triggers).toEqual([
      {
        type: 'SIGNAL_UPDATED',
        signal: { code: 'tractionbattery-stateofcharge', name: 'StateOfCharge', group: 'TractionBattery' },
      },
    ]);
    expect(event.signals[0]).toMatchObject({
      code: 'tractionbattery-stateofcharge',
      status: 'SUCCESS',
      body: { value: 78, unit: 'percent' },
      oemUpdatedAt: new Date(1746172490000),
      retrievedAt: new Date(1746172531000),
    });
    expect(event.meta).toEqual({
      version: '4.0',
      applicationId: '8229df9f-91a0-4ff0-a1ae-a1f38ee24d07',
      webhookId: '9d5c0000-0000-4000-8000-000000000001',
      webhookName: 'Battery updates',
      deliveryId: 'd7800000-0000-4000-8000-000000000001',
      deliveredAt: new Date(1746172532000),
      mode: 'LIVE',
      sequence: 1842,
      signalCount: 1,
    });
  });

  test('VEHICLE_STATE from the event page: {code} triggers under data, FIRST_DELIVERY, top-level vehicleId', () => {
    const event = parseWebhookEvent(JSON.stringify(fixture('event-vehicle-state-reference-page')));
    if (event.type !== 'VEHICLE_STATE') throw new Error(`got ${event.type}`);
    expect(event.vehicle).toEqual({ id: '36ab0000-0000-4000-8000-000000000001' });
    expect(event.triggers).toEqual([
      { type: 'FIRST_DELIVERY' },
      { type: 'SIGNAL_UPDATED', signal: { code: 'charge-ischarging', name: 'IsCharging', group: 'Charge' } },
    ]);
    expect(event.meta.deliveredAt).toEqual(new Date('2026-05-02T08:15:32.000Z'));
    expect(event.meta.mode).toBe('TEST');
  });

  test('VEHICLE_ERROR', () => {
    const event = parseWebhookEvent(JSON.stringify(fixture('event-vehicle-error')));
    if (event.type !== 'VEHICLE_ERROR') throw new Error(`got ${event.type}`);
    expect(event.errors).toEqual([
      {
        type: 'CONNECTED_SERVICES_ACCOUNT',
        code: 'AUTHENTICATION_FAILED',
        description: "Smartcar was unable to authenticate with the user's connected services account.",
        docURL:
          'https://smartcar.com/docs/errors/api-errors/connected-services-account-errors#authentication-failed',
        resolution: { type: 'REAUTHENTICATE' },
        suggestedUserMessage: 'Please reconnect your vehicle.',
        state: 'ERROR',
        signals: [{ code: 'tractionbattery-stateofcharge', name: 'StateOfCharge', group: 'TractionBattery' }],
      },
    ]);
  });
});

describe('errors (§5.1, §2)', () => {
  test('the v3 envelope', () => {
    const error = APIError.fromResponse(501, fixture('error-v3'));
    expect(error).toBeInstanceOf(CompatibilityError);
    expect(error).toMatchObject({
      type: 'COMPATIBILITY',
      code: 'VEHICLE_NOT_CAPABLE',
      description: 'The vehicle is incapable of performing your request.',
      requestId: '2f5c0000-0000-4000-8000-000000000001',
      resolution: { type: 'CONTACT_SUPPORT' },
      suggestedUserMessage: "Your car doesn't support this feature.",
      docURL: 'https://smartcar.com/docs/errors/api-errors/compatibility-errors#vehicle-not-capable',
    });
  });

  test('the v2 flat error, with a re-auth url in resolution', () => {
    const error = APIError.fromResponse(400, fixture('error-v2'));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      type: 'CONNECTED_SERVICES_ACCOUNT',
      code: 'AUTHENTICATION_FAILED',
      requestId: 'v2-req-0001',
      resolution: {
        type: 'REAUTHENTICATE',
        url: 'https://connect.smartcar.com/oauth/reauthenticate?app_id=x',
      },
      suggestedUserMessage: 'Please reconnect your vehicle.',
    });
  });

  test('the IAM error', () => {
    const error = APIError.fromResponse(401, fixture('error-iam'));
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({
      error: 'invalid_client',
      errorDescription: 'Client authentication failed',
    });
  });
});
