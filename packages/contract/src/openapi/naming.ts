/**
 * Names and orderings shared by the document's builders. Component and
 * operation names are derived from the contract's own keys (command types,
 * schedule types, event types), so that adding one there names it here too.
 */

/** `vehicleId` → `VehicleId`. */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `charge-set-limit` → `ChargeSetLimit`; `VEHICLE_STATE` → `VehicleState`. */
export function pascalCase(name: string): string {
  return name
    .split(/[-_]/)
    .map((word) => capitalize(word.toLowerCase()))
    .join('');
}

/**
 * A copy of a record with its keys in code-unit order: the same on every
 * machine and locale (unlike `localeCompare`), so that the checked-in
 * document only changes when its content does.
 */
export function sortedByKey<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
