import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HEADER_REQUEST_ID, HEADER_UNIT_SYSTEM, HEADER_USER_ID } from '@paddock/contract';
import type { EmulatorDeps } from '../deps.js';
import { type Logger, silentLogger } from '../logger.js';
import { authenticate } from '../vehicle-api/bearer-auth.js';
import {
  parseUnitSystem,
  readSignalListBody,
  readVehicleJson,
  signalRead,
} from '../vehicle-api/vehicle-reads.js';
import { encodeForClient } from './compression.js';
import { rawHeader } from './request-header.js';
import { checkUserId } from './require-user-id.js';

/** `/v3/vehicles/{id}` and `/v3/vehicles/{id}/signals`, with the optional trailing slash; no query, no escapes. */
const DIRECT_PATH = /^\/v3\/vehicles\/([^/?#%]+)(\/signals)?\/?$/;

/** Distinct `Host` values remembered with their origin; past this, each is parsed again. */
const MAX_REMEMBERED_HOSTS = 64;

/**
 * The two hottest Vehicle API reads, `GET /v3/vehicles/{id}` and a signal
 * list, served straight from Node's request: the Hono app's middleware
 * chain, router and `Response` cost more than the read itself (the emulator
 * README's Performance section has the figures). The work is the same
 * functions the Hono routes call (`vehicle-api/vehicle-reads.ts`), so the
 * bytes are the same.
 *
 * It answers only when nothing the Hono pipeline adds could apply: no
 * injected fault, rate limits off, a plain `Host`. Every error, and every
 * other request, is left to the Hono app (returns false), which answers it
 * in Smartcar's envelope as usual; the reads change nothing, so doing one
 * twice is harmless.
 */
export function createDirectReads(
  deps: Pick<EmulatorDeps, 'store' | 'simulator' | 'faults' | 'rateLimits'>,
  logger: Logger = silentLogger,
  now: () => number = () => performance.now(),
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const logging = logger !== silentLogger;
  const origins = new Map<string, string | null>();
  const originOfHost = (host: string): string | null => {
    let origin = origins.get(host);
    if (origin !== undefined) return origin;
    // What the Node adapter would build: refuse what it refuses, normalise as URL does.
    try {
      const url = new URL(`http://${host}/`);
      const plain = url.hostname.length === host.length || url.hostname === host.replace(/:\d+$/, '');
      origin = plain && url.pathname === '/' && !url.username && !url.password ? url.origin : null;
    } catch {
      origin = null;
    }
    if (origins.size < MAX_REMEMBERED_HOSTS) origins.set(host, origin);
    return origin;
  };

  return (request, response) => {
    if (request.method !== 'GET') return false;
    const match = DIRECT_PATH.exec(request.url ?? '');
    if (!match || deps.faults.size() > 0 || deps.rateLimits.config().enabled) return false;
    // Node's raw list, not `request.headers`: that object is built on first access.
    const raw = request.rawHeaders;
    const host = rawHeader(raw, 'host');
    const origin = host ? originOfHost(host) : null;
    if (!origin) return false;
    const started = logging ? now() : 0;
    const vehicleId = match[1]!;
    let body: string | Buffer;
    let encodingHeaders: Record<string, string> | undefined;
    try {
      const application = authenticate(deps.store, rawHeader(raw, 'authorization'));
      if (match[2]) {
        const unitSystem = parseUnitSystem(rawHeader(raw, HEADER_UNIT_SYSTEM));
        const userId = checkUserId(rawHeader(raw, HEADER_USER_ID));
        const encoded = encodeForClient(
          readSignalListBody(deps, signalRead(deps, { application, vehicleId, userId, unitSystem, origin })),
          rawHeader(raw, 'accept-encoding'),
        );
        body = encoded.body;
        encodingHeaders = encoded.headers;
      } else {
        body = readVehicleJson(deps, application, vehicleId, origin);
      }
    } catch {
      return false;
    }
    const requestId = randomUUID();
    response.writeHead(200, {
      [HEADER_REQUEST_ID]: requestId,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      ...encodingHeaders,
    });
    response.end(body);
    if (logging) {
      const route = match[2] ? '/v3/vehicles/:vehicleId/signals' : '/v3/vehicles/:vehicleId';
      logger.info(
        { requestId, method: 'GET', route, status: 200, ms: Math.round(now() - started) },
        'request',
      );
    }
    return true;
  };
}
