import type { SmartcarClient } from '@paddock/sdk';
import type { Kysely } from 'kysely';
import type { CommandLogEntry, Database } from '../../db/tables.js';
import { withDeadline } from '../../lib/deadline.js';
import type { AppLogger } from '../../logger.js';
import { type RandomBytes, randomToken } from '../../security/tokens.js';
import type { LiveHub } from '../live/live-hub.js';
import { describeSmartcarError, type UpstreamProblem } from '../vehicles/smartcar-error-message.js';
import type { CommandDefinition } from './command-catalogue.js';
import { completeCommand, insertCommand, listCommands } from './command-log.repository.js';

/** How long the request waits for a command before showing it as pending, in ms (default 3 s). */
export const COMMAND_WAIT_MS = 3_000;
/**
 * Longest a command may take in the background, in ms (default 5 min 20 s:
 * Smartcar's long-running commands answer within about 5 minutes).
 */
export const COMMAND_DEADLINE_MS = 320_000;

/** How a sent command stands when the request answers. */
export type CommandResult =
  | { readonly status: 'SUCCEEDED'; readonly id: string }
  | { readonly status: 'FAILED'; readonly id: string; readonly problem: UpstreamProblem }
  | { readonly status: 'PENDING'; readonly id: string };

export interface CommandsServiceDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly smartcar: SmartcarClient;
  readonly random: RandomBytes;
  readonly live: LiveHub;
  readonly logger: AppLogger;
  /** See {@link COMMAND_WAIT_MS}. */
  readonly waitMs?: number;
  /** See {@link COMMAND_DEADLINE_MS}. */
  readonly deadlineMs?: number;
}

/** One command to send. */
export interface CommandRequest {
  readonly accountId: string;
  readonly vehicleId: string;
  /** The `sc-user-id`, from our store. */
  readonly smartcarUserId: string;
  readonly name: string;
  readonly definition: CommandDefinition;
  readonly parameters: Readonly<Record<string, number>> | undefined;
}

/**
 * Sends commands and keeps the command log. Each command is recorded
 * PENDING before it is sent; the SDK call runs on in the background of the
 * request, which waits a little for it and otherwise answers "pending".
 * Whenever it ends, the log row is completed and open pages are told.
 */
export function createCommandsService(deps: CommandsServiceDeps) {
  const { db, clock, smartcar, random, live, logger } = deps;
  const waitMs = deps.waitMs ?? COMMAND_WAIT_MS;
  const deadlineMs = deps.deadlineMs ?? COMMAND_DEADLINE_MS;

  async function carryOut(request: CommandRequest, id: string): Promise<CommandResult> {
    let result: CommandResult;
    try {
      const { requestId } = await withDeadline(
        deadlineMs,
        undefined,
        (signal) =>
          request.definition
            .send(smartcar, request.vehicleId, request.parameters, {
              userId: request.smartcarUserId,
              // Sent once, never retried: Smartcar documents no idempotency key and does not
              // de-duplicate commands, so a second attempt after a timeout or a 5xx could be
              // a second unlock. A failure is shown and the person decides whether to try again.
              maxRetries: 0,
              signal,
            })
            .withResponse(),
        'The command',
      );
      await completeCommand(db, id, { status: 'SUCCEEDED', requestId }, clock.now());
      result = { status: 'SUCCEEDED', id };
    } catch (error) {
      const problem = describeSmartcarError(error, clock.now()) ?? {
        message: 'The command could not be sent because of a problem in Paddock. Please try again.',
        requestId: undefined,
        reconnect: false,
      };
      if (!describeSmartcarError(error))
        logger.error({ err: error, commandId: id }, 'command failed unexpectedly');
      else
        logger.warn(
          { commandId: id, type: problem.type, code: problem.code, smartcarRequestId: problem.requestId },
          'command refused',
        );
      await completeCommand(
        db,
        id,
        {
          status: 'FAILED',
          errorType: problem.type,
          errorCode: problem.code,
          errorMessage: problem.message,
          requestId: problem.requestId,
        },
        clock.now(),
      );
      result = { status: 'FAILED', id, problem };
    }
    live.publish({ vehicleId: request.vehicleId, kind: 'commands' });
    return result;
  }

  return {
    /** Records and sends a command; resolves with its outcome, or PENDING after the wait. */
    async send(request: CommandRequest): Promise<CommandResult> {
      const id = randomToken(random, 16);
      await insertCommand(db, {
        id,
        accountId: request.accountId,
        vehicleId: request.vehicleId,
        command: request.name,
        parameters: request.parameters,
        createdAt: clock.now(),
      });
      // Never rejects, so nothing in the background can end the process.
      const running = carryOut(request, id).catch((error: unknown) => {
        // Only the log write itself can land here (the database went away): the row stays PENDING.
        logger.error({ err: error, commandId: id }, 'could not record a command outcome');
        return { status: 'PENDING', id } as const;
      });
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<CommandResult>((done) => {
        timer = setTimeout(() => done({ status: 'PENDING', id }), waitMs);
      });
      try {
        return await Promise.race([running, waited]);
      } finally {
        clearTimeout(timer);
      }
    },

    /** The account's commands to a vehicle, newest first. */
    list: (accountId: string, vehicleId: string, limit = 20): Promise<CommandLogEntry[]> =>
      listCommands(db, accountId, vehicleId, limit),
  };
}

export type CommandsService = ReturnType<typeof createCommandsService>;
