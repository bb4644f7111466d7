/**
 * Spellings of one unit met in Smartcar's documents (reference §3.4 ⚠:
 * `watt`/`watts`, `minute`/`min`, `km`/`kilometers`, `volts`/`volt`), each
 * mapped to its family's usual spelling.
 */
const FAMILY: Readonly<Record<string, string>> = {
  watt: 'watt',
  watts: 'watt',
  minute: 'minute',
  minutes: 'minute',
  min: 'minute',
  km: 'km',
  kilometer: 'km',
  kilometers: 'km',
  kilometre: 'km',
  kilometres: 'km',
  volt: 'volts',
  volts: 'volts',
};

/**
 * Codes whose contract spelling is not the family's usual one (the
 * catalogue lists `kilometers` first for the fuel range). A test keeps this
 * table in step with the contract.
 */
const SPELLING_BY_CODE: Readonly<Record<string, string>> = {
  'internalcombustionengine-range': 'kilometers',
};

/**
 * Rewrites a unit to the spelling the contract emits for this code when the
 * server used another spelling of the same unit, so `body.unit` compares
 * with one literal. Other units (e.g. `miles` under `sc-unit-system:
 * imperial`) are returned as sent.
 */
export function normaliseUnit(code: string, unit: string): string {
  const family = FAMILY[unit.toLowerCase()];
  if (family === undefined) return unit;
  const wanted = SPELLING_BY_CODE[code];
  return wanted !== undefined && FAMILY[wanted] === family ? wanted : family;
}
