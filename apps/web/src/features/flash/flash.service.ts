import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { type RandomBytes, randomToken } from '../../security/tokens.js';
import { type Flash, insertFlash, takeFlashes } from './flash.repository.js';

export interface FlashServiceDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly random: RandomBytes;
}

/**
 * Messages kept in the database between a POST and the page it redirects
 * to (post/redirect/get), so any instance can show them and a reload does
 * not repeat them.
 */
export function createFlashService({ db, clock, random }: FlashServiceDeps) {
  return {
    push: (sessionIdHash: string, flash: Flash) =>
      insertFlash(db, { id: randomToken(random, 12), sessionIdHash, flash, now: clock.now() }),
    /**
     * The session's messages, each shown once. A session read without any
     * waiting (see `CurrentSession.hasFlashes`) costs no query: one pushed
     * since then is shown by the next page.
     */
    take: (session: { readonly idHash: string; readonly hasFlashes: boolean }): Promise<Flash[]> =>
      session.hasFlashes ? takeFlashes(db, session.idHash) : Promise.resolve([]),
  };
}

export type FlashService = ReturnType<typeof createFlashService>;
