import type { APIPromise, CommandExecution, RequestOptions, SmartcarClient } from '@paddock/sdk';

/** Form fields as posted. */
export type FormFields = Readonly<Record<string, unknown>>;

/** A command the vehicle page offers. */
export interface CommandDefinition {
  /** Button text. */
  readonly label: string;
  /** What the log says it was, e.g. `Lock`, `Set charge limit to 80 %`. */
  describe(parameters: Readonly<Record<string, number>> | undefined): string;
  /** What the page says when it succeeded. */
  readonly done: (parameters: Readonly<Record<string, number>> | undefined) => string;
  /** Only for vehicles with a traction battery. */
  readonly plugInOnly?: boolean;
  /**
   * Reads and checks the form's parameters.
   * @returns the parameters (undefined when the command takes none), or a message for the person
   */
  parse(
    fields: FormFields,
  ): { ok: true; parameters?: Record<string, number> } | { ok: false; message: string };
  /** Sends it through the SDK. */
  send(
    smartcar: SmartcarClient,
    vehicleId: string,
    parameters: Readonly<Record<string, number>> | undefined,
    options: RequestOptions,
  ): APIPromise<CommandExecution>;
}

const none = () => ({ ok: true as const });

function numberField(fields: FormFields, name: string): number | undefined {
  const raw = fields[name];
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const value = Number(raw.trim());
  return Number.isFinite(value) ? value : undefined;
}

/** The six commands of the vehicle page, by the name in their URL. */
export const COMMANDS: Readonly<Record<string, CommandDefinition>> = {
  lock: {
    label: 'Lock',
    describe: () => 'Lock',
    done: () => 'Locked.',
    parse: none,
    send: (s, id, _p, o) => s.commands.lock(id, o),
  },
  unlock: {
    label: 'Unlock',
    describe: () => 'Unlock',
    done: () => 'Unlocked.',
    parse: none,
    send: (s, id, _p, o) => s.commands.unlock(id, o),
  },
  'start-charge': {
    label: 'Start charging',
    describe: () => 'Start charging',
    done: () => 'Charging started.',
    plugInOnly: true,
    parse: none,
    send: (s, id, _p, o) => s.commands.startCharge(id, o),
  },
  'stop-charge': {
    label: 'Stop charging',
    describe: () => 'Stop charging',
    done: () => 'Charging stopped.',
    plugInOnly: true,
    parse: none,
    send: (s, id, _p, o) => s.commands.stopCharge(id, o),
  },
  'set-charge-limit': {
    label: 'Set charge limit',
    describe: (p) => `Set charge limit to ${p?.percent} %`,
    done: (p) => `Charge limit set to ${p?.percent} %.`,
    plugInOnly: true,
    parse(fields) {
      const percent = numberField(fields, 'percent');
      // Smartcar accepts 50–100 (reference §3.5); whole percents only.
      if (percent === undefined || !Number.isInteger(percent) || percent < 50 || percent > 100)
        return { ok: false, message: 'The charge limit must be a whole number from 50 to 100 %.' };
      return { ok: true, parameters: { percent } };
    },
    send: (s, id, p, o) => s.commands.setChargeLimit(id, p!.percent!, o),
  },
  'send-destination': {
    label: 'Send destination',
    describe: (p) => `Send destination ${p?.latitude}, ${p?.longitude}`,
    done: () => 'Destination sent to the vehicle’s navigation.',
    parse(fields) {
      const latitude = numberField(fields, 'latitude');
      const longitude = numberField(fields, 'longitude');
      if (latitude === undefined || latitude < -90 || latitude > 90)
        return { ok: false, message: 'The latitude must be a number from -90 to 90.' };
      if (longitude === undefined || longitude < -180 || longitude > 180)
        return { ok: false, message: 'The longitude must be a number from -180 to 180.' };
      return { ok: true, parameters: { latitude, longitude } };
    },
    send: (s, id, p, o) =>
      s.commands.setDestination(id, { latitude: p!.latitude!, longitude: p!.longitude! }, o),
  },
};

/** The definition of a command name from a URL, or undefined. */
export function commandNamed(name: string): CommandDefinition | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}
