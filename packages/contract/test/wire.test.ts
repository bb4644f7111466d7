import {
  authorizeParamsSchema,
  connectErrorRedirectSchema,
  connectionListResponseSchema,
  errorDocsUrl,
  oauthErrorSchema,
  parseFlags,
  SIGNALS,
  signalCode,
  statusOf,
  tokenResponseSchema,
  v3ErrorEnvelopeSchema,
  vehicleResponseSchema,
} from '@paddock/contract';

// Payloads as the reference documents them (ids shortened there, filled in here).
const VEHICLE = {
  data: {
    id: '36ab27d0-fd9d-4455-823a-ce30af709ffc',
    type: 'vehicle',
    attributes: { make: 'TESLA', model: 'Model 3', year: 2024, powertrainType: 'BEV', mode: 'live' },
    links: { self: 'https://vehicle.api.smartcar.com/v3/vehicles/36ab27d0-fd9d-4455-823a-ce30af709ffc' },
  },
};

const CONNECTIONS = {
  data: [
    {
      id: 'c5d1c0d0-0000-4000-8000-000000000001',
      type: 'connection',
      attributes: {
        permissions: ['read_battery', 'read_charge', 'read_vehicle_info', 'control_charge'],
        vehicle: { make: 'VOLKSWAGEN', model: 'ID.4', year: 2023, mode: 'live', powertrainType: 'BEV' },
        user: { id: '8f3f0000-0000-4000-8000-000000000002' },
      },
      relationships: {
        vehicle: {
          data: { id: '36ab0000-0000-4000-8000-000000000003', type: 'vehicle' },
          links: {
            related: 'https://vehicle.api.smartcar.com/v3/vehicles/36ab0000-0000-4000-8000-000000000003',
          },
        },
        user: { data: { id: '8f3f0000-0000-4000-8000-000000000002', type: 'user' } },
      },
      meta: { createdAt: '2026-05-01T10:00:00.000Z', updatedAt: '2026-05-01T10:00:00.000Z' },
      links: { self: 'https://vehicle.api.smartcar.com/v3/connections/c5d1c0d0-0000-4000-8000-000000000001' },
    },
  ],
  meta: { pageNumber: 1, pageSize: 10, totalCount: 1, orderBy: 'createdAt', orderDirection: 'DESC' },
  links: {
    self: 'https://vehicle.api.smartcar.com/v3/connections?page%5Bnumber%5D=1&page%5Bsize%5D=10',
    first: 'https://vehicle.api.smartcar.com/v3/connections?page%5Bnumber%5D=1&page%5Bsize%5D=10',
    last: 'https://vehicle.api.smartcar.com/v3/connections?page%5Bnumber%5D=1&page%5Bsize%5D=10',
    next: null,
    prev: null,
  },
  connections: [
    {
      vehicleId: '36ab0000-0000-4000-8000-000000000003',
      userId: '8f3f0000-0000-4000-8000-000000000002',
      connectedAt: '2026-05-01T10:00:00.000Z',
      permissions: ['read_battery', 'read_charge', 'read_vehicle_info', 'control_charge'],
      mode: 'live',
    },
  ],
};

const ERROR = {
  errors: [
    {
      status: '501',
      type: 'COMPATIBILITY',
      code: 'VEHICLE_NOT_CAPABLE',
      title: 'Vehicle not capable',
      detail: 'The vehicle is incapable of performing your request.',
      links: {
        about: 'https://smartcar.com/docs/errors/api-errors/compatibility-errors#vehicle-not-capable',
      },
      resolution: { type: 'CONTACT_SUPPORT' },
      suggestedUserMessage: "Your car doesn't support this feature.",
      meta: { debug: { requestId: '2f5c0000-0000-4000-8000-000000000004' } },
    },
  ],
};

describe('documented payloads parse with the contract', () => {
  test('vehicle, connection list, error envelope, token', () => {
    expect(vehicleResponseSchema.parse(VEHICLE).data.attributes.make).toBe('TESLA');
    expect(connectionListResponseSchema.parse(CONNECTIONS).connections[0]?.vehicleId).toBe(
      CONNECTIONS.data[0]?.relationships.vehicle.data.id,
    );
    expect(v3ErrorEnvelopeSchema.parse(ERROR).errors[0]?.code).toBe('VEHICLE_NOT_CAPABLE');
    expect(
      tokenResponseSchema.parse({ access_token: 'eyJ', token_type: 'Bearer', expires_in: 3600 }),
    ).toBeTruthy();
    expect(oauthErrorSchema.parse({ error: 'invalid_client', error_description: 'bad' }).error).toBe(
      'invalid_client',
    );
  });

  test('shape drift is caught', () => {
    expect(vehicleResponseSchema.safeParse({ data: { ...VEHICLE.data, type: 'car' } }).success).toBe(false);
    expect(v3ErrorEnvelopeSchema.safeParse({ errors: [{ ...ERROR.errors[0], status: 501 }] }).success).toBe(
      false,
    );
    expect(
      tokenResponseSchema.safeParse({ access_token: 'x', token_type: 'bearer', expires_in: 3600 }).success,
    ).toBe(false);
  });

  test('the documented Connect example URL parses', () => {
    const url = new URL(
      'https://connect.smartcar.com/oauth/authorize?response_type=code&client_id=8229df9f-91a0-4ff0-a1ae-a1f38ee24d07&redirect_uri=https://example.com/callback&scope=read_vehicle_info%20read_battery%20required:read_charge%20control_charge&mode=simulated&state=0facda3319&external_id=customer-1234',
    );
    const params = authorizeParamsSchema.parse(Object.fromEntries(url.searchParams));
    expect(params.mode).toBe('simulated');
    expect(params.scope).toBe('read_vehicle_info read_battery required:read_charge control_charge');
    expect(authorizeParamsSchema.safeParse({ client_id: 'x', mode: 'sandbox' }).success).toBe(false);
  });

  test('Connect error redirects', () => {
    expect(
      connectErrorRedirectSchema.parse({
        error: 'vehicle_incompatible',
        error_description: 'no',
        state: 's',
        vin: '5YJ3E1EA7KF000000',
        make: 'TESLA',
        model: 'Model 3',
        year: '2019',
      }).error,
    ).toBe('vehicle_incompatible');
    expect(connectErrorRedirectSchema.safeParse({ error: 'nope', error_description: 'x' }).success).toBe(
      false,
    );
  });
});

describe('catalogues', () => {
  test('status of each error type, with the 403 exception for ACCESS_DENIED', () => {
    expect(statusOf('AUTHENTICATION', 'UNAUTHORIZED')).toBe(401);
    expect(statusOf('AUTHENTICATION', 'ACCESS_DENIED')).toBe(403);
    expect(statusOf('VEHICLE_STATE')).toBe(409);
    expect(statusOf('BILLING')).toBe(430);
    expect(statusOf('COMPATIBILITY')).toBe(501);
    expect(errorDocsUrl('VEHICLE_STATE', 'IN_MOTION')).toBe(
      'https://smartcar.com/docs/errors/api-errors/vehicle-state-errors#in-motion',
    );
  });

  test('signal codes are their group and name in lower case', () => {
    for (const [code, signal] of Object.entries(SIGNALS))
      expect(signalCode(signal.group, signal.name)).toBe(code);
  });

  test('signal bodies validate documented values', () => {
    expect(SIGNALS['tractionbattery-stateofcharge'].body.parse({ value: 78, unit: 'percent' }).value).toBe(
      78,
    );
    expect(SIGNALS['tractionbattery-stateofcharge'].body.safeParse({ value: 78, unit: 'kWh' }).success).toBe(
      false,
    );
  });

  test('Connect flags', () => {
    expect(parseFlags('country:DE account_sync:true  color:#00ff00')).toEqual({
      country: 'DE',
      account_sync: 'true',
      color: '#00ff00',
    });
    expect(parseFlags(undefined)).toEqual({});
  });
});
