/**
 * Signal bodies in plain words and units. Every function here is pure and
 * total: an unexpected shape is shown compactly rather than throwing, since
 * a manufacturer may send more (or less) than the catalogue says.
 */

const UNIT_SYMBOLS: Readonly<Record<string, string>> = {
  percent: '%',
  km: 'km',
  kilometers: 'km',
  miles: 'mi',
  celsius: '°C',
  fahrenheit: '°F',
  kPa: 'kPa',
  psi: 'psi',
  liters: 'L',
  gallons: 'gal',
  kWh: 'kWh',
  ampere: 'A',
  volts: 'V',
  volt: 'V',
  kph: 'km/h',
  mph: 'mph',
};

// What true and false mean for the flags whose meaning a plain "Yes" hides.
const FLAG_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  'closure-islocked': ['Locked', 'Unlocked'],
  'charge-ischarging': ['Charging', 'Not charging'],
  'charge-ischargingcableconnected': ['Plugged in', 'Unplugged'],
  'charge-ischargingcablelatched': ['Latched', 'Not latched'],
  'charge-ischargingportflapopen': ['Open', 'Closed'],
  'connectivitystatus-isonline': ['Online', 'Offline'],
  'connectivitystatus-isasleep': ['Asleep', 'Awake'],
  'hvac-iscabinhvacactive': ['On', 'Off'],
  'hvac-isfrontdefrosteractive': ['On', 'Off'],
  'hvac-isreardefrosteractive': ['On', 'Off'],
  'hvac-issteeringheateractive': ['On', 'Off'],
  'tractionbattery-isheateractive': ['On', 'Off'],
  'surveillance-isenabled': ['On', 'Off'],
};

const POSITION_NAMES: Readonly<Record<string, string>> = {
  '0,0': 'front left',
  '0,1': 'front right',
  '1,0': 'rear left',
  '1,1': 'rear right',
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A number as people read it: up to `digits` decimals, thousands separated. */
export function formatNumber(value: number, digits = 1): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits });
}

/** A value with its unit, e.g. `72 %`, `312 km`, `7.2 kW`, `1 h 20 min`. */
export function formatQuantity(value: number, unit: string): string {
  if (unit === 'minute' || unit === 'min') return formatMinutes(value);
  if (unit === 'watt' || unit === 'watts')
    return Math.abs(value) >= 1000 ? `${formatNumber(value / 1000)} kW` : `${formatNumber(value, 0)} W`;
  const symbol = UNIT_SYMBOLS[unit] ?? unit;
  const digits = unit === 'percent' || unit === 'km' || unit === 'kilometers' || unit === 'miles' ? 0 : 1;
  return `${formatNumber(value, digits)} ${symbol}`;
}

function formatMinutes(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  if (whole < 60) return `${whole} min`;
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** `NOT_CHARGING` → `Not charging`; codes like `OK`, `P` or a VIN are left as they are. */
export function humanise(text: string): string {
  if (!/^[A-Z_]{3,}$/.test(text)) return text;
  const lower = text.replaceAll('_', ' ').toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Latitude and longitude in degrees with hemispheres, e.g. `39.7392° N, 104.9903° W`. */
export function formatCoordinates(latitude: number, longitude: number): string {
  const lat = `${Math.abs(latitude).toFixed(4)}° ${latitude >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(longitude).toFixed(4)}° ${longitude >= 0 ? 'E' : 'W'}`;
  return `${lat}, ${lon}`;
}

/** A successful signal's body in words. */
export function formatSignalBody(code: string, body: unknown): string {
  if (!isObject(body)) return body === undefined || body === null ? 'No value' : String(body);
  if (
    'value' in body &&
    Object.keys(body).every((k) => ['value', 'unit', 'type', 'additionalValues'].includes(k))
  )
    return formatValue(code, body.value, body.unit);
  if (code === 'location-preciselocation') return formatLocation(body);
  if (code === 'charge-chargelimits') {
    return typeof body.activeLimit === 'number' ? `${formatNumber(body.activeLimit, 0)} %` : 'No limit set';
  }
  if (code === 'wheel-tires') return formatTyres(body);
  if ('capacity' in body && typeof body.capacity === 'number')
    return `${formatNumber(body.capacity)} ${String(body.unit ?? 'kWh')}`;
  if ('isOpen' in body) return formatOpening(body);
  if ('status' in body && typeof body.status === 'string')
    return body.status === 'OK'
      ? 'OK'
      : `${humanise(body.status)}${typeof body.description === 'string' ? `: ${body.description}` : ''}`;
  if (Array.isArray(body.values)) return formatList(code, body.values);
  return compactJson(body);
}

function formatValue(code: string, value: unknown, unit: unknown): string {
  if (value === null || value === undefined) return 'No value';
  if (typeof value === 'boolean') {
    const words = FLAG_WORDS[code] ?? ['Yes', 'No'];
    return value ? words[0] : words[1];
  }
  if (typeof value === 'number')
    return typeof unit === 'string' ? formatQuantity(value, unit) : formatNumber(value);
  if (typeof value === 'string') return value === '' ? 'No value' : humanise(value);
  return compactJson(value);
}

function formatLocation(body: Json): string {
  const { latitude, longitude } = body;
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return 'No position';
  const where = formatCoordinates(latitude, longitude);
  return body.locationType === 'LAST_PARKED' ? `${where} (where it was last parked)` : where;
}

function formatTyres(body: Json): string {
  const values = Array.isArray(body.values) ? body.values.filter(isObject) : [];
  if (values.length === 0) return 'No value';
  const unit = typeof body.unit === 'string' ? body.unit : 'kPa';
  return values
    .map((v) => {
      const name = POSITION_NAMES[`${v.row},${v.column}`] ?? `row ${v.row} seat ${v.column}`;
      const pressure = typeof v.tirePressure === 'number' ? formatNumber(v.tirePressure, 0) : '?';
      return `${name} ${pressure}`;
    })
    .join(' · ')
    .concat(` ${UNIT_SYMBOLS[unit] ?? unit}`);
}

function formatOpening(body: Json): string {
  const open = body.isOpen === true ? 'Open' : body.isOpen === false ? 'Closed' : 'Unknown';
  if (!('isLocked' in body) || body.isLocked === null) return open;
  return `${open}, ${body.isLocked ? 'locked' : 'unlocked'}`;
}

function formatList(code: string, values: unknown[]): string {
  if (code === 'closure-doors' || code === 'closure-windows') {
    const open = values
      .filter(isObject)
      .filter((v) => v.isOpen === true)
      .map((v) => POSITION_NAMES[`${v.row},${v.column}`] ?? `row ${v.row} position ${v.column}`);
    const noun = code === 'closure-doors' ? 'door' : 'window';
    return open.length === 0 ? `All ${noun}s closed` : `Open: ${open.join(', ')}`;
  }
  if (values.length === 0) return 'None';
  if (values.every((v) => typeof v === 'string')) return values.map((v) => humanise(v as string)).join(', ');
  if (code === 'diagnostics-dtclist')
    return values
      .filter(isObject)
      .map((v) => String(v.code))
      .join(', ');
  return `${values.length} ${values.length === 1 ? 'entry' : 'entries'}`;
}

function compactJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** Why a signal has no value, in words: ERROR and UNAVAILABLE are shown, never hidden. */
export function formatSignalProblem(
  status: string,
  error: { type?: string; code?: string | null } | undefined,
): string {
  const type = error?.type?.toUpperCase();
  if (status === 'UNAVAILABLE' || type === 'COMPATIBILITY') return 'Not available on this vehicle';
  if (type === 'PERMISSION') return 'Not shared: connect again and allow this permission';
  if (type === 'VEHICLE_STATE')
    return `Vehicle cannot report it now${error?.code ? ` (${humanise(error.code)})` : ''}`;
  if (type === 'UPSTREAM') return 'The manufacturer did not send it';
  return `Could not be read${error?.code ? ` (${humanise(error.code)})` : ''}`;
}

/**
 * How long ago something happened, e.g. `just now`, `2 min ago`, `3 h ago`.
 * A time ahead of `now` (a vehicle clock a little fast) reads as just now.
 */
export function formatAge(then: number, now: number): string {
  const seconds = Math.floor((now - then) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
