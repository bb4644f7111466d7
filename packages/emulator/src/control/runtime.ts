import type { Logger } from '../logger.js';
import type { ControllableClock } from '../simulation/clock.js';
import type { Store } from '../store/repositories.js';
import type { WebhookService } from '../webhooks/webhook-service.js';
import type { Baseline } from './baseline.js';
import { checkState, clearState, type EmulatorState, exportState, importState } from './state-snapshot.js';

/** At most this many stops while advancing past due retries, so a huge jump cannot spin forever. */
const MAX_ADVANCE_STEPS = 10_000;

/** Whole-emulator operations shared by the control surface, the dashboard and the `Emulator` object. */
export interface EmulatorRuntime {
  clock: ControllableClock;
  /**
   * Runs due work: retries due on the emulator clock, trigger checks; resolves
   * once the attempts started have finished.
   */
  tick(): Promise<void>;
  /**
   * Advances the clock by `ms`, stopping at every retry that falls due on the
   * way, so a jump of 3 minutes runs the 25, 50 and 100 s retries in order.
   */
  advanceClock(ms: number): Promise<void>;
  exportState(): EmulatorState;
  /** Replaces the whole state; throws a TypeError when `value` is not an export. */
  importState(value: unknown): void;
  /** Empties the state and re-registers what the embedding code registered (applications, webhooks). */
  reset(): void;
  /** Tells persistence that state changed. */
  changed(): void;
  /** Makes the applications now stored survive `reset()` (after a state file was loaded). */
  keepApplicationsOnReset(): void;
}

export interface RuntimeParts {
  store: Store;
  clock: ControllableClock;
  webhooks: WebhookService;
  logger: Logger;
  /** Re-registered after a reset. */
  baseline: Baseline;
  onChange(): void;
}

export function createRuntime(parts: RuntimeParts): EmulatorRuntime {
  const { store, clock, webhooks } = parts;
  const tick = async () => {
    webhooks.runDue();
    webhooks.checkTriggers();
    await webhooks.settle();
  };
  const nextDue = (): number | undefined => {
    let next: number | undefined;
    for (const event of store.outbox.due(Number.POSITIVE_INFINITY)) {
      if (event.nextAttemptAt !== null && (next === undefined || event.nextAttemptAt < next)) {
        next = event.nextAttemptAt;
      }
    }
    return next;
  };

  return {
    clock,
    tick,
    async advanceClock(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ms must be a non-negative number, got ${ms}`);
      const target = clock.now() + ms;
      for (let step = 0; step < MAX_ADVANCE_STEPS; step++) {
        const due = nextDue();
        if (due === undefined || due > target) break;
        clock.advance(Math.max(0, due - clock.now()));
        await tick();
      }
      clock.advance(Math.max(0, target - clock.now()));
      await tick();
      parts.onChange();
    },
    exportState: () => exportState(store, clock),
    importState(value) {
      importState(store, clock, checkState(value, store));
      parts.logger.info('state imported');
      parts.onChange();
    },
    reset() {
      clearState(store);
      parts.baseline.replay();
      parts.logger.info('state reset');
      parts.onChange();
    },
    changed: () => parts.onChange(),
    keepApplicationsOnReset: () => parts.baseline.keepCurrentApplications(),
  };
}
