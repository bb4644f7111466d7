/**
 * What changed about a vehicle: new signal values, a command's outcome, the
 * problems Smartcar reports about it (`VEHICLE_ERROR`), or its connection (disconnected, or its account deleted: open streams check
 * at once whether they may still show it). `resync`: anything may have,
 * since this instance may have missed changes (its PostgreSQL listening
 * connection was down); pages read everything again.
 */
export interface VehicleChange {
  readonly vehicleId: string;
  readonly kind: 'signals' | 'commands' | 'problems' | 'connection' | 'resync';
  /** For `signals`: the codes whose latest value changed. */
  readonly codes?: readonly string[];
}

/**
 * Tells open pages that a vehicle changed. `createLiveHub` is in-process:
 * pages hear of changes received by their own instance (SQLite runs one).
 * On PostgreSQL, `createPostgresLiveHub` also carries each change to the
 * other instances (LISTEN/NOTIFY), so a webhook received by one instance
 * reaches pages open on another.
 */
export interface LiveHub {
  /** Delivers to every current listener of the vehicle. Listener failures are the listener's. */
  publish(change: VehicleChange): void;
  /** @returns a function that stops listening */
  subscribe(vehicleId: string, listener: (change: VehicleChange) => void): () => void;
  /** Listeners currently attached (all vehicles). */
  listenerCount(): number;
  /**
   * Calls `listener` once when the hub closes (at once if it has): open
   * streams end on it.
   * @returns a function that stops listening
   */
  onClose(listener: () => void): () => void;
  /**
   * Shutdown: ends every open stream, then resolves once all of them have
   * stopped listening. An open stream otherwise keeps its connection, and so
   * the server's close(), waiting until the process is killed.
   */
  close(): Promise<void>;
}

/** The in-process hub, which can also say which vehicles have listeners. */
export interface InProcessLiveHub extends LiveHub {
  /** Vehicles with at least one listener now. */
  listenedVehicleIds(): string[];
}

/** The in-process hub. A listener that throws is dropped, so one broken stream cannot stop the others. */
export function createLiveHub(): InProcessLiveHub {
  const listeners = new Map<string, Set<(change: VehicleChange) => void>>();
  const closeListeners = new Set<() => void>();
  let count = 0;
  let closed = false;
  let drained: (() => void) | undefined;
  const drop = () => {
    count--;
    if (count === 0) drained?.();
  };
  return {
    publish(change) {
      for (const listener of [...(listeners.get(change.vehicleId) ?? [])]) {
        try {
          listener(change);
        } catch {
          if (listeners.get(change.vehicleId)?.delete(listener)) drop();
        }
      }
    },
    subscribe(vehicleId, listener) {
      const set = listeners.get(vehicleId) ?? new Set();
      set.add(listener);
      listeners.set(vehicleId, set);
      count++;
      return () => {
        if (set.delete(listener)) drop();
        if (set.size === 0 && listeners.get(vehicleId) === set) listeners.delete(vehicleId);
      };
    },
    listenerCount: () => count,
    listenedVehicleIds: () => [...listeners.keys()],
    onClose(listener) {
      if (closed) {
        listener();
        return () => {};
      }
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close() {
      closed = true;
      const ended = count === 0 ? Promise.resolve() : new Promise<void>((done) => (drained = done));
      for (const listener of [...closeListeners]) listener();
      closeListeners.clear();
      return ended;
    },
  };
}
