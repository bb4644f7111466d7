import { isObject, type JsonObject, num, obj, str } from './json.js';

/** The fields an error body can carry, whatever its dialect. */
export interface ErrorFields {
  type?: string;
  code?: string;
  description?: string;
  requestId?: string;
  resolution?: { type: string | null; url?: string };
  suggestedUserMessage?: string;
  docURL?: string;
  /** The `status` the body itself states (a string in v3). */
  bodyStatus?: number;
}

export type ErrorBody =
  | { kind: 'v3'; fields: ErrorFields }
  | { kind: 'v2'; fields: ErrorFields }
  | { kind: 'oauth'; error: string; errorDescription?: string }
  | { kind: 'unknown'; fields: ErrorFields };

/** Recognises the v3 `{errors:[…]}` envelope, the v2 flat error and IAM's OAuth error. */
export function readErrorBody(body: unknown): ErrorBody {
  if (!isObject(body)) return { kind: 'unknown', fields: {} };
  if (Array.isArray(body.errors) && body.errors.length > 0) {
    return { kind: 'v3', fields: readV3(obj(body.errors[0]) ?? {}) };
  }
  const oauthError = str(body.error);
  if (oauthError !== undefined && body.type === undefined) {
    return { kind: 'oauth', error: oauthError, errorDescription: str(body.error_description) };
  }
  if (str(body.type) !== undefined) return { kind: 'v2', fields: readV2(body) };
  return { kind: 'unknown', fields: { description: str(body.message) ?? str(body.detail) } };
}

function readV3(e: JsonObject): ErrorFields {
  return {
    type: str(e.type),
    code: str(e.code),
    description: str(e.detail) ?? str(e.title),
    requestId: str(obj(obj(e.meta)?.debug)?.requestId),
    resolution: readResolution(e.resolution),
    suggestedUserMessage: str(e.suggestedUserMessage),
    docURL: str(obj(e.links)?.about),
    bodyStatus: num(e.status),
  };
}

function readV2(e: JsonObject): ErrorFields {
  return {
    type: str(e.type),
    code: str(e.code),
    description: str(e.description) ?? str(e.detail),
    requestId: str(e.requestId),
    resolution: readResolution(e.resolution),
    suggestedUserMessage: str(e.suggestedUserMessage),
    docURL: str(e.docURL),
    bodyStatus: num(e.statusCode),
  };
}

/** `resolution` is `{type, url?}` in v3 and `{type}` or a bare string in v2. */
function readResolution(value: unknown): ErrorFields['resolution'] {
  if (typeof value === 'string') return { type: value };
  const r = obj(value);
  if (r === undefined) return undefined;
  const type = typeof r.type === 'string' ? r.type : null;
  const url = str(r.url);
  return url === undefined ? { type } : { type, url };
}
