import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EmulatorDeps } from '../deps.js';
import { describeIssues } from '../http/zod-issues.js';
import { hashSecret, randomSecret, secretHint, secretId } from '../iam/secrets.js';
import type { ApplicationRecord } from '../store/records.js';

/** An application to register in the emulator, with its credentials in clear. */
export interface ApplicationSeed {
  /** Used as Connect's `client_id` and at the IAM token endpoint. */
  clientId: string;
  clientSecret: string;
  /** Application management token (webhook signatures, management API). */
  managementToken: string;
  /** Registered redirect URIs; the first is used when Connect omits `redirect_uri`. */
  redirectUris: string[];
  /** Shown on the Connect pages; default "Paddock development app". */
  name?: string;
  /** Application id (UUID); default random. Connect also accepts it as `client_id`. */
  id?: string;
}

const redirectUri = z.string().refine((value) => {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  // A fragment can never be part of a redirect (RFC 6749 §3.1.2).
  return url.hash === '' && !value.includes('#');
}, 'must be an absolute URL without a fragment');

const seedSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  managementToken: z.string().min(1),
  redirectUris: z.array(redirectUri).min(1),
  name: z.string().min(1).optional(),
  id: z.string().min(1).optional(),
});

/** What `GET /v3/applications/{id}/secrets` may say of an application's client secret. */
export interface ClientSecretInfo {
  /** Stable per secret; see {@link secretId}. */
  id: string;
  hint: string | null;
  /** Epoch ms: the secret is issued with its application and never rotated here. */
  createdAt: number;
}

/** The client secret of a stored application, described without its value or hash. */
export function clientSecretOf(app: ApplicationRecord): ClientSecretInfo {
  // Imported state documents are taken as they are, so the optional hint is checked, not trusted.
  const hint: unknown = app.secretHint;
  return {
    id: secretId(app.secretSalt),
    hint: typeof hint === 'string' ? hint : null,
    createdAt: app.createdAt,
  };
}

/** Validates and stores an application; the secret is hashed here and never kept in clear. */
export function registerApplication(
  deps: Pick<EmulatorDeps, 'store' | 'clock' | 'ids'>,
  seed: ApplicationSeed,
): { id: string; clientId: string } {
  const parsed = seedSchema.safeParse(seed);
  if (!parsed.success) throw new TypeError(`Invalid application: ${describeIssues(parsed.error)}`);
  const s = parsed.data;
  const { applications } = deps.store;
  if (applications.findByClientId(s.clientId) || (s.id && applications.findById(s.id))) {
    throw new TypeError(`An application with client id ${s.clientId} or id ${s.id} is already registered`);
  }
  const { salt, hash } = hashSecret(s.clientSecret);
  const hint = secretHint(s.clientSecret);
  const record: ApplicationRecord = {
    id: s.id ?? deps.ids.uuid(),
    clientId: s.clientId,
    name: s.name ?? 'Paddock development app',
    secretSalt: salt,
    secretHash: hash,
    managementToken: s.managementToken,
    redirectUris: [...s.redirectUris],
    createdAt: deps.clock.now(),
    ...(hint === undefined ? {} : { secretHint: hint }),
  };
  deps.store.applications.insert(record);
  return { id: record.id, clientId: record.clientId };
}

/**
 * Fresh development credentials: a random UUID client id (Connect's
 * `client_id` is an application UUID) and 256-bit random secrets.
 */
export function generateDevelopmentCredentials(redirectUris: string[]): ApplicationSeed {
  return {
    clientId: randomUUID(),
    clientSecret: randomSecret(),
    managementToken: randomSecret(),
    redirectUris: [...redirectUris],
  };
}
