import { vehicleModeOf } from '@paddock/contract';
import type { SmartcarClient } from '@paddock/sdk';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config.js';
import type { Database } from '../../db/tables.js';
import { inTransaction } from '../../db/transaction.js';
import { withDeadline } from '../../lib/deadline.js';
import type { CurrentSession } from '../accounts/session.service.js';
import { linkedToAnotherAccount, linkSmartcarUser } from '../accounts/smartcar-users.repository.js';
import type { LiveHub } from '../live/live-hub.js';
import { clearReauthenticationProblems } from '../vehicle-errors/vehicle-errors.repository.js';
import { describeSmartcarError, type UpstreamProblem } from '../vehicles/smartcar-error-message.js';
import { externalIdFor } from './external-id.js';
import type { OAuthStateService, StateRejection } from './oauth-state.service.js';

/** Longest /exchange waits on Smartcar to confirm whose connection it is, in ms (15 s). */
const CONFIRM_DEADLINE_MS = 15_000;
// The largest page Smartcar serves: one request for almost every user.
const CONNECTIONS_PAGE_SIZE = 100;

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
  | { kind: 'invalid-user-id' }
  /** Smartcar lists no connection of that user made from this account (a forged or copied `user_id`). */
  | { kind: 'not-this-account' }
  /** The Smartcar user is already linked to another Paddock account. */
  | { kind: 'linked-elsewhere' }
  /** Smartcar could not be asked whose connection it is; nothing was stored. */
  | { kind: 'unconfirmed'; problem: UpstreamProblem };

export interface ConnectServiceDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly states: OAuthStateService;
  readonly smartcar: SmartcarClient;
  readonly config: AppConfig;
  /** The key of the account-bound `external_id` (see {@link externalIdFor}), the same on every instance. */
  readonly externalIdKey: () => Promise<Buffer>;
  /** Told when linking closed problems of vehicles, so their open pages drop them. */
  readonly live: LiveHub;
}

/** Sending a browser to Connect and taking it back at /exchange. */
export function createConnectService({
  db,
  clock,
  states,
  smartcar,
  config,
  externalIdKey,
  live,
}: ConnectServiceDeps) {
  const vehicleMode = vehicleModeOf(config.mode);
  const externalIdOf = async (accountId: string) => externalIdFor(await externalIdKey(), accountId);

  /**
   * Whether Smartcar lists a connection of the user made with this account's
   * `external_id`. Asked with `filter[user.externalId]`, which Smartcar
   * documents; a connection that echoes an `externalId` must also carry the
   * expected one (the guide's flat list shape echoes none, so there the filter decides).
   */
  async function connectedFromAccount(userId: string, expected: string, signal?: AbortSignal) {
    return withDeadline(
      CONFIRM_DEADLINE_MS,
      signal,
      async (s) => {
        const pages = smartcar.connections.list(
          { userId, externalId: expected, vehicleMode, pageSize: CONNECTIONS_PAGE_SIZE },
          { signal: s },
        );
        for await (const connection of pages) {
          if (connection.userId === userId && (connection.externalId ?? expected) === expected) return true;
        }
        return false;
      },
      'Confirming the connection with Smartcar',
    );
  }

  return {
    /** The Connect URL for this session, carrying a fresh one-time state and the account's `external_id`. */
    async connectUrl(session: CurrentSession): Promise<string> {
      const state = await states.issue(session.idHash);
      return smartcar.buildConnectUrl({
        scope: [...config.scope],
        state,
        mode: config.mode,
        externalId: await externalIdOf(session.accountId),
      });
    },

    /**
     * Handles Connect's redirect. The state is checked (and used up) first,
     * for errors too. The `user_id` is only a claim, since anyone can type one
     * into the URL: it is linked only when Smartcar lists a connection of that
     * user carrying this account's `external_id`, and no other account holds
     * it. A refused redirect stores nothing. Linking closes the problems of
     * that user's vehicles that asked for just this (`REAUTHENTICATE`).
     */
    async exchange(
      session: CurrentSession | null,
      query: ExchangeQuery,
      signal?: AbortSignal,
    ): Promise<ExchangeOutcome> {
      if (session === null) return { kind: 'state-rejected', reason: 'no-session' };
      const checked = await inTransaction(db, async (trx): Promise<ExchangeOutcome | { kind: 'claimed' }> => {
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
        return { kind: 'claimed' };
      });
      if (checked.kind !== 'claimed') return checked;
      const userId = query.userId!;

      // Asked outside any transaction: a database write lock is never held across a Smartcar call.
      try {
        if (!(await connectedFromAccount(userId, await externalIdOf(session.accountId), signal)))
          return { kind: 'not-this-account' };
      } catch (error) {
        const problem = describeSmartcarError(error, clock.now());
        if (problem === undefined) throw error;
        return { kind: 'unconfirmed', problem };
      }
      let closed: string[] = [];
      const outcome = await inTransaction(db, async (trx): Promise<ExchangeOutcome> => {
        if (await linkedToAnotherAccount(trx, userId, session.accountId)) return { kind: 'linked-elsewhere' };
        await linkSmartcarUser(trx, session.accountId, userId, clock.now());
        closed = await clearReauthenticationProblems(trx, userId);
        return { kind: 'linked', smartcarUserId: userId };
      });
      for (const vehicleId of closed) live.publish({ vehicleId, kind: 'problems' });
      return outcome;
    },
  };
}

export type ConnectService = ReturnType<typeof createConnectService>;
