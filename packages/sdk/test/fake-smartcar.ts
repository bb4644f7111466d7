/** A hand-written fake of Smartcar's HTTP surface for unit tests: records every call. */

export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: string;
  signal: AbortSignal | undefined;
}

export type Handler = (req: RecordedRequest) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** Never answers; rejects with the abort reason once the request's signal aborts. */
export function hang(req: RecordedRequest): Promise<Response> {
  return new Promise((_, reject) => {
    req.signal?.addEventListener('abort', () => reject(req.signal?.reason), { once: true });
  });
}

export interface FakeSmartcar {
  fetch: typeof fetch;
  calls: RecordedRequest[];
  /** Calls other than the token endpoint. */
  apiCalls(): RecordedRequest[];
  tokenRequests(): number;
}

/**
 * Serves `/oauth2/token` with `tok-1`, `tok-2`, … (or `tokenHandler`) and
 * hands every other request to `handler`.
 */
export function fakeSmartcar(
  handler: Handler,
  options: { expiresIn?: number; tokenHandler?: Handler } = {},
): FakeSmartcar {
  const calls: RecordedRequest[] = [];
  let issued = 0;
  const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const req: RecordedRequest = {
      url: new URL(input instanceof Request ? input.url : String(input)),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : '',
      signal: init?.signal ?? undefined,
    };
    calls.push(req);
    if (req.url.pathname === '/oauth2/token') {
      if (options.tokenHandler) return options.tokenHandler(req);
      issued += 1;
      return json(200, {
        access_token: `tok-${issued}`,
        token_type: 'Bearer',
        expires_in: options.expiresIn ?? 3600,
      });
    }
    return handler(req);
  };
  return {
    fetch: fakeFetch as typeof fetch,
    calls,
    apiCalls: () => calls.filter((c) => c.url.pathname !== '/oauth2/token'),
    tokenRequests: () => calls.filter((c) => c.url.pathname === '/oauth2/token').length,
  };
}

export function manualClock(start = Date.UTC(2026, 4, 1)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** A sleep that returns at once and records what it was asked to wait. */
export function recordingSleep() {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms: number) => {
      delays.push(ms);
    },
  };
}

export const vehicleBody = (id: string) => ({
  data: {
    id,
    type: 'vehicle',
    attributes: { make: 'TESLA', model: 'Model 3', year: 2024, powertrainType: 'BEV', mode: 'live' },
    links: { self: `https://vehicle.api.smartcar.com/v3/vehicles/${id}` },
  },
});

export const v3Error = (status: number, type: string, code: string, extra: Record<string, unknown> = {}) => ({
  errors: [{ status: String(status), type, code, detail: `${type} ${code}`, ...extra }],
});

export const CREDENTIALS = { clientId: 'client_abc', clientSecret: 's3cr3t' } as const;
