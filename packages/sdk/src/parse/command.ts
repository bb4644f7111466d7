import type { ApiResponse } from '../core/request.js';
import { type ExecutionBase, executionBase, metaDate, metaNumber, readExecution } from './execution.js';
import { obj, str } from './json.js';

/** The `command-execution` resource (reference §3.5). Commands return no vehicle state. */
export interface CommandExecution extends ExecutionBase {
  /** e.g. `security-lock`, `charge-set-limit`, `navigation-set-destination`. */
  commandType: string;
  /** When the vehicle was asked. */
  executedAt?: Date;
  /** When the vehicle answered. */
  completedAt?: Date;
  /** Seconds between the two. */
  durationInSeconds?: number;
}

/** Normalises a command response, final or retrieved; a failure inside it is thrown as an `APIError`. */
export function parseCommandExecution(response: ApiResponse): CommandExecution {
  const read = readExecution(response.body, response.headers, 'Command');
  const meta = obj(read.resource.meta) ?? obj(read.attributes.meta);
  const execution: CommandExecution = {
    ...executionBase(read, response.status),
    commandType: str(read.attributes.commandType) ?? str(read.attributes.type) ?? '',
  };
  const executedAt = metaDate(meta, 'executedAt');
  const completedAt = metaDate(meta, 'completedAt');
  const duration = metaNumber(meta, 'durationInSeconds');
  if (executedAt) execution.executedAt = executedAt;
  if (completedAt) execution.completedAt = completedAt;
  if (duration !== undefined) execution.durationInSeconds = duration;
  return execution;
}
