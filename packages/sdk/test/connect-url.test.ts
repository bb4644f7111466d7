import { authorizeParamsSchema, parseFlags } from '@paddock/contract';
import { buildConnectUrl, SmartcarClient } from '../src/index.js';
import { CREDENTIALS } from './fake-smartcar.js';

const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('buildConnectUrl', () => {
  test('every §1.1 parameter, decoded exactly', () => {
    const url = buildConnectUrl({
      clientId: 'app-1',
      redirectUri: 'https://example.com/callback?x=1',
      responseType: 'code',
      scope: [
        'read_vehicle_info',
        { permission: 'read_battery' },
        { permission: 'read_charge', required: true },
      ],
      state: '0facda3319',
      approvalPrompt: 'force',
      mode: 'simulated',
      make: 'TESLA',
      singleSelect: { vin: '5YJ3E1EA7JF000000' },
      flags: { country: 'DE', account_sync: true },
      user: 'analytics-7',
      externalId: 'customer-1234',
    });
    expect(url.startsWith('https://connect.smartcar.com/oauth/authorize?')).toBe(true);
    expect(params(url)).toEqual({
      response_type: 'code',
      client_id: 'app-1',
      redirect_uri: 'https://example.com/callback?x=1',
      scope: 'read_vehicle_info read_battery required:read_charge',
      state: '0facda3319',
      approval_prompt: 'force',
      mode: 'simulated',
      make: 'TESLA',
      single_select: 'true',
      single_select_vin: '5YJ3E1EA7JF000000',
      flags: 'country:DE account_sync:true',
      user: 'analytics-7',
      external_id: 'customer-1234',
    });
    expect(url).not.toContain('+');
    // The contract's own reading of the same URL agrees.
    const parsed = authorizeParamsSchema.parse(params(url));
    expect(parseFlags(parsed.flags)).toEqual({ country: 'DE', account_sync: 'true' });
  });

  test('minimal: response_type code and client_id only', () => {
    expect(params(buildConnectUrl({ clientId: 'app-1' }))).toEqual({
      response_type: 'code',
      client_id: 'app-1',
    });
  });

  test('singleSelect true/false, a scope string, re-auth response types', () => {
    expect(params(buildConnectUrl({ clientId: 'a', singleSelect: true }))).toMatchObject({
      single_select: 'true',
    });
    expect(params(buildConnectUrl({ clientId: 'a', singleSelect: false }))).toMatchObject({
      single_select: 'false',
    });
    expect(params(buildConnectUrl({ clientId: 'a', scope: 'required:read_vin read_odometer' })).scope).toBe(
      'required:read_vin read_odometer',
    );
    expect(params(buildConnectUrl({ clientId: 'a', responseType: 'vehicle_id' })).response_type).toBe(
      'vehicle_id',
    );
    expect(
      params(buildConnectUrl({ clientId: 'a', scope: [{ permission: 'required:read_vin', required: true }] }))
        .scope,
    ).toBe('required:read_vin');
  });

  test('caller mistakes are TypeErrors', () => {
    expect(() => buildConnectUrl({ clientId: '' })).toThrow(TypeError);
    expect(() => buildConnectUrl({ clientId: 'a', scope: ['read vin'] })).toThrow(TypeError);
    expect(() => buildConnectUrl({ clientId: 'a', flags: { country: 'D E' } })).toThrow(TypeError);
    expect(() => buildConnectUrl({ clientId: 'a', mode: 'sandbox' as 'live' })).toThrow(TypeError);
    expect(() => buildConnectUrl({ clientId: 'a', connectOrigin: 'not a url' })).toThrow(TypeError);
  });

  test('the client fills client_id, redirect_uri and mode, and emulatorOrigin moves Connect', () => {
    const client = new SmartcarClient({
      ...CREDENTIALS,
      redirectUri: 'http://localhost:8000/exchange',
      mode: 'simulated',
      emulatorOrigin: 'http://localhost:4010/',
    });
    const url = client.buildConnectUrl({ scope: ['read_vehicle_info'], state: 's1' });
    expect(url.startsWith('http://localhost:4010/oauth/authorize?')).toBe(true);
    expect(params(url)).toEqual({
      response_type: 'code',
      client_id: 'client_abc',
      redirect_uri: 'http://localhost:8000/exchange',
      scope: 'read_vehicle_info',
      state: 's1',
      mode: 'simulated',
    });
    expect(params(client.buildConnectUrl({ mode: 'live', redirectUri: 'https://x.test/cb' }))).toMatchObject({
      mode: 'live',
      redirect_uri: 'https://x.test/cb',
    });
  });

  test('the client defaults to live mode and Smartcar’s Connect host', () => {
    const url = new SmartcarClient(CREDENTIALS).buildConnectUrl();
    expect(url.startsWith('https://connect.smartcar.com/oauth/authorize?')).toBe(true);
    expect(params(url).mode).toBe('live');
  });
});
