import {
  APIError,
  AuthenticationError,
  BadRequestError,
  BillingError,
  CompatibilityError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  OAuthError,
  PermissionDeniedError,
  RateLimitError,
  SmartcarError,
  UpstreamError,
  VehicleStateError,
} from '../src/index.js';

const NOW = Date.UTC(2026, 4, 1, 12, 0, 0);

describe('APIError.fromResponse', () => {
  test('the v3 envelope: first error, string status, every field', () => {
    const body = {
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
          meta: { debug: { requestId: '2f5c' } },
        },
        { status: '400', type: 'VALIDATION', code: 'PARAMETER' },
      ],
    };
    const error = APIError.fromResponse(501, JSON.stringify(body), { 'sc-request-id': 'from-header' }, NOW);
    expect(error).toBeInstanceOf(CompatibilityError);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({
      status: 501,
      type: 'COMPATIBILITY',
      code: 'VEHICLE_NOT_CAPABLE',
      description: 'The vehicle is incapable of performing your request.',
      requestId: '2f5c',
      resolution: { type: 'CONTACT_SUPPORT' },
      suggestedUserMessage: "Your car doesn't support this feature.",
      docURL: 'https://smartcar.com/docs/errors/api-errors/compatibility-errors#vehicle-not-capable',
      retryAfter: undefined,
      body,
    });
    expect((error as Error).message).toBe(
      '501 COMPATIBILITY:VEHICLE_NOT_CAPABLE — The vehicle is incapable of performing your request.',
    );
  });

  test('resolution url of CONNECTED_SERVICES_ACCOUNT and a header request id', () => {
    const error = APIError.fromResponse(
      400,
      {
        errors: [
          {
            status: '400',
            type: 'CONNECTED_SERVICES_ACCOUNT',
            code: 'SUBSCRIPTION',
            resolution: { type: 'REAUTHENTICATE', url: 'https://connect.smartcar.com/x' },
          },
        ],
      },
      new Headers({ 'sc-request-id': 'req-9' }),
      NOW,
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      resolution: { type: 'REAUTHENTICATE', url: 'https://connect.smartcar.com/x' },
      requestId: 'req-9',
    });
  });

  test('the v2 flat error', () => {
    const error = APIError.fromResponse(
      409,
      {
        type: 'VEHICLE_STATE',
        code: 'ASLEEP',
        description: 'The vehicle is asleep.',
        docURL: 'https://smartcar.com/docs/errors/v2.0/vehicle-state#asleep',
        statusCode: 409,
        requestId: 'v2-req',
        resolution: { type: 'RETRY_LATER' },
        suggestedUserMessage: 'Wake your car.',
        detail: [{ field: 'x' }],
      },
      {},
      NOW,
    );
    expect(error).toBeInstanceOf(VehicleStateError);
    expect(error).toMatchObject({
      type: 'VEHICLE_STATE',
      code: 'ASLEEP',
      description: 'The vehicle is asleep.',
      docURL: 'https://smartcar.com/docs/errors/v2.0/vehicle-state#asleep',
      requestId: 'v2-req',
      resolution: { type: 'RETRY_LATER' },
      suggestedUserMessage: 'Wake your car.',
    });
    expect(APIError.fromResponse(400, { type: 'VALIDATION', resolution: 'RETRY_LATER' })).toMatchObject({
      resolution: { type: 'RETRY_LATER' },
    });
  });

  test('IAM errors become OAuthError', () => {
    const error = APIError.fromResponse(
      400,
      '{"error":"invalid_request","error_description":"grant_type missing"}',
      { 'sc-request-id': 'iam-2' },
    );
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toBeInstanceOf(SmartcarError);
    expect(error).not.toBeInstanceOf(APIError);
    expect(error).toMatchObject({
      error: 'invalid_request',
      errorDescription: 'grant_type missing',
      status: 400,
      requestId: 'iam-2',
    });
  });

  test('a non-JSON body gives a generic APIError that keeps the text', () => {
    const error = APIError.fromResponse(418, '<html>teapot</html>', {}, NOW);
    expect(error.constructor).toBe(APIError);
    expect(error).toMatchObject({
      status: 418,
      type: undefined,
      code: undefined,
      body: '<html>teapot</html>',
    });
    expect((error as Error).message).toBe('418 — <html>teapot</html>');
    expect(APIError.fromResponse(503, '', {}, NOW)).toBeInstanceOf(InternalServerError);
  });

  test('subclasses by status', () => {
    const cases: [number, new (...args: never[]) => APIError][] = [
      [400, BadRequestError],
      [401, AuthenticationError],
      [403, PermissionDeniedError],
      [404, NotFoundError],
      [409, ConflictError],
      [429, RateLimitError],
      [430, BillingError],
      [500, InternalServerError],
      [501, CompatibilityError],
      [502, UpstreamError],
      [504, InternalServerError],
    ];
    for (const [status, Ctor] of cases) {
      const error = APIError.fromResponse(
        status,
        { errors: [{ status: String(status), type: 'X' }] },
        {},
        NOW,
      );
      expect(error, String(status)).toBeInstanceOf(Ctor);
      expect((error as APIError).status).toBe(status);
    }
  });

  test('a 409 is a VehicleStateError for VEHICLE_STATE, a plain ConflictError otherwise', () => {
    const state = APIError.fromResponse(409, {
      errors: [{ status: '409', type: 'VEHICLE_STATE', code: 'IN_MOTION' }],
    });
    expect(state).toBeInstanceOf(VehicleStateError);
    expect(state).toBeInstanceOf(ConflictError);
    const dup = APIError.fromResponse(409, {
      errors: [{ status: '409', type: 'VALIDATION', code: 'ALREADY_SUBSCRIBED' }],
    });
    expect(dup).toBeInstanceOf(ConflictError);
    expect(dup).not.toBeInstanceOf(VehicleStateError);
  });

  test('retry-after as seconds or an HTTP date against the given clock', () => {
    const seconds = APIError.fromResponse(429, {}, { 'retry-after': '7' }, NOW) as APIError;
    expect(seconds.retryAfter).toBe(7);
    const date = new Date(NOW + 12_000).toUTCString();
    expect((APIError.fromResponse(429, {}, { 'retry-after': date }, NOW) as APIError).retryAfter).toBe(12);
    const past = new Date(NOW - 12_000).toUTCString();
    expect((APIError.fromResponse(429, {}, { 'retry-after': past }, NOW) as APIError).retryAfter).toBe(0);
    expect(
      (APIError.fromResponse(429, {}, { 'retry-after': 'soon' }, NOW) as APIError).retryAfter,
    ).toBeUndefined();
  });
});
