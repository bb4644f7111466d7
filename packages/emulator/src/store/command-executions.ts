import type { ExecutionMode, ExecutionStatus, V3Error } from '@paddock/contract';
import type { Dumpable } from './webhook-repositories.js';

/** One run of a command (`command-execution`) or of a charge-schedule change. */
export interface CommandExecutionRecord {
  /** `exec_<26 characters>`. */
  id: string;
  applicationId: string;
  userId: string;
  vehicleId: string;
  /** `security-lock`, `charge-set-limit`, … */
  commandType: string;
  parameters: Record<string, unknown>;
  executionMode: ExecutionMode;
  status: ExecutionStatus;
  /** The error the vehicle answered with, when `FAILED`. */
  error?: V3Error;
  /** Epoch ms on the emulator clock. */
  executedAt: number;
  /** Epoch ms on the emulator clock; absent while `PENDING`. */
  completedAt?: number;
}

export interface CommandExecutionRepository extends Dumpable<CommandExecutionRecord> {
  /** Inserts or replaces by id; the oldest records beyond the repository's capacity are forgotten. */
  save(execution: CommandExecutionRecord): void;
  findById(id: string): CommandExecutionRecord | undefined;
}

/** Executions kept in memory by default: enough for any test or session, bounded for a long-running emulator. */
export const DEFAULT_EXECUTION_CAPACITY = 10_000;

export function memoryCommandExecutions(capacity = DEFAULT_EXECUTION_CAPACITY): CommandExecutionRepository {
  // A Map iterates in insertion order, so its first key is always the oldest record.
  const items = new Map<string, CommandExecutionRecord>();
  const trim = () => {
    for (const id of items.keys()) {
      if (items.size <= capacity) break;
      items.delete(id);
    }
  };
  return {
    save(execution) {
      items.set(execution.id, execution);
      trim();
    },
    findById: (id) => items.get(id),
    dump: () => [...items.values()],
    load(list) {
      items.clear();
      for (const execution of list) items.set(execution.id, execution);
      trim();
    },
  };
}
