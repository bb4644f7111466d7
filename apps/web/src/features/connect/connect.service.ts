import type { SmartcarClient } from '@paddock/sdk';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config.js';
import type { Database } from '../../db/tables.js';
import type { CurrentSession } from '../accounts/session.service.js';
import { linkSmartcarUser } from '../accounts/smartcar-users.repository.js';
import type { OAuthStateService, StateRejection } from './oauth-state.service.js';

// Smartcar user ids are UUIDs; this also admits other opaque id shapes, but
// nothing that could smuggle markup, whitespace or separators into a header.
const USER_ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The query of Connect's redirect to /exchange, each parameter as first given (or absent). */
export interface ExchangeQuery {
  readonly state: string | undefined;
  readonly userId: string | undefined;
  readonly error: string | undefined;
  readonly errorDescription: string | undefined;
  readonly vehicle: { vin?: string; make?: string; model?: string; year?: string };
}

export type ExchangeOutcome =
  | { kind: 'linked'; smartcarUserId: string }
  | { kind: 'state-rejected'; reason: StateRejection | 'no-session' }
  | {
      kind: 'connect-error';
      error: string;
      description: string | undefined;
      vehicle: ExchangeQuery['vehicle'];
    }
  | { kind: 'invalid-user-id' };

export interface ConnectServiceDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly states: OAuthStateService;
  readonly smartcar: SmartcarClient;
  readonly config: AppConfig;
}

/** Sending a browser to Connect and taking it back at /exchange. */
export function createConnectService({ db, clock, states, smartcar, config }: ConnectServiceDeps) {
  return {
    /** The Connect URL for this session, carrying a fresh one-time state. */
    async connectUrl(session: CurrentSession): Promise<string> {
      const state = await states.issue(session.idHash);
      return smartcar.buildConnectUrl({ scope: [...config.scope], state, mode: config.mode });
    },

    /**
     * Handles Connect's redirect. The state is checked first, for errors too,
     * and the Smartcar user is linked in the same transaction that uses the
     * state up, so a refused redirect stores nothing.
     */
    async exchange(session: CurrentSession | null, query: ExchangeQuery): Promise<ExchangeOutcome> {
      if (session === null) return { kind: 'state-rejected', reason: 'no-session' };
      return db.transaction().execute(async (trx): Promise<ExchangeOutcome> => {
        const check = await states.consume(session.idHash, query.state, trx);
        if (!check.ok) return { kind: 'state-rejected', reason: check.reason };
        if (query.error !== undefined) {
          return {
            kind: 'connect-error',
            error: query.error,
            description: query.errorDescription,
            vehicle: query.vehicle,
          };
        }
        if (query.userId === undefined || !USER_ID_SHAPE.test(query.userId))
          return { kind: 'invalid-user-id' };
        await linkSmartcarUser(trx, session.accountId, query.userId, clock.now());
        return { kind: 'linked', smartcarUserId: query.userId };
      });
    },
  };
}

export type ConnectService = ReturnType<typeof createConnectService>;
