import type { Kysely } from 'kysely';
import type { CommandLogEntry, Database } from '../../db/tables.js';

/** A command as it is sent. */
export interface NewCommand {
  /** Made by the caller (e.g. `randomToken(random, 16)`). */
  readonly id: string;
  readonly accountId: string;
  readonly vehicleId: string;
  readonly command: string;
  /** JSON-serialisable parameters, or undefined. */
  readonly parameters?: unknown;
  /** Epoch ms. */
  readonly createdAt: number;
}

/** How a command ended. */
export type CommandOutcome =
  | { readonly status: 'SUCCEEDED'; readonly requestId?: string | undefined }
  | {
      readonly status: 'FAILED';
      readonly errorType?: string | undefined;
      readonly errorCode?: string | undefined;
      /** What the person was shown. */
      readonly errorMessage: string;
      readonly requestId?: string | undefined;
    };

/** Records a command as PENDING before it is sent, so a crash mid-call still leaves a trace. */
export async function insertCommand(db: Kysely<Database>, command: NewCommand): Promise<void> {
  await db
    .insertInto('command_log')
    .values({
      id: command.id,
      account_id: command.accountId,
      vehicle_id: command.vehicleId,
      command: command.command,
      parameters: command.parameters === undefined ? null : JSON.stringify(command.parameters),
      status: 'PENDING',
      error_type: null,
      error_code: null,
      error_message: null,
      request_id: null,
      created_at: command.createdAt,
      completed_at: null,
    })
    .execute();
}

/**
 * Records how a PENDING command ended at `now` (epoch ms).
 * @returns false when it was not pending (already completed, or unknown)
 */
export async function completeCommand(
  db: Kysely<Database>,
  id: string,
  outcome: CommandOutcome,
  now: number,
): Promise<boolean> {
  const failed = outcome.status === 'FAILED' ? outcome : undefined;
  const result = await db
    .updateTable('command_log')
    .set({
      status: outcome.status,
      error_type: failed?.errorType ?? null,
      error_code: failed?.errorCode ?? null,
      error_message: failed?.errorMessage ?? null,
      request_id: outcome.requestId ?? null,
      completed_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'PENDING')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The account's commands to a vehicle, newest first, at most `limit` (default 20). */
export async function listCommands(
  db: Kysely<Database>,
  accountId: string,
  vehicleId: string,
  limit = 20,
): Promise<CommandLogEntry[]> {
  return db
    .selectFrom('command_log')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('vehicle_id', '=', vehicleId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}
