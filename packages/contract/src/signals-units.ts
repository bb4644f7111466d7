/** Unit systems of the `sc-unit-system` header (reference §3.1); `metric` is the default. */
export const UNIT_SYSTEMS = ['metric', 'imperial'] as const;
export type UnitSystem = (typeof UNIT_SYSTEMS)[number];

export function isUnitSystem(value: string): value is UnitSystem {
  return (UNIT_SYSTEMS as readonly string[]).includes(value);
}

/** Metric unit → its imperial unit and the conversion of a value. */
export const IMPERIAL_CONVERSIONS: Readonly<
  Record<string, { unit: string; convert: (metric: number) => number }>
> = {
  km: { unit: 'miles', convert: (km) => km / 1.609344 },
  kilometers: { unit: 'miles', convert: (km) => km / 1.609344 },
  kph: { unit: 'mph', convert: (kph) => kph / 1.609344 },
  kPa: { unit: 'psi', convert: (kpa) => kpa / 6.894757293168361 },
  liters: { unit: 'gallons', convert: (l) => l / 3.785411784 },
  celsius: { unit: 'fahrenheit', convert: (c) => (c * 9) / 5 + 32 },
};

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Converts one metric value; units without an imperial counterpart (percent, kWh) are returned as they are. */
export function toImperialValue(value: number, unit: string): { value: number; unit: string } {
  const c = IMPERIAL_CONVERSIONS[unit];
  return c ? { value: round(c.convert(value), 2), unit: c.unit } : { value, unit };
}

/**
 * Returns a copy of a metric signal body in imperial units. Every
 * `{value, unit}` pair is converted wherever it sits (range
 * `additionalValues` included); tyre grids carry one `unit` for all their
 * `tirePressure` values. The input is not modified.
 */
export function signalBodyToImperial(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(signalBodyToImperial);
  if (body === null || typeof body !== 'object') return body;
  const source = body as Record<string, unknown>;
  const unit = typeof source.unit === 'string' ? source.unit : undefined;
  const conversion = unit === undefined ? undefined : IMPERIAL_CONVERSIONS[unit];
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(source)) {
    if (conversion && key === 'unit') out[key] = conversion.unit;
    else if (conversion && (key === 'value' || key === 'tirePressure') && typeof v === 'number') {
      out[key] = round(conversion.convert(v), 2);
    } else if (unit === 'kPa' && key === 'values' && Array.isArray(v)) {
      out[key] = v.map((p) => convertTirePressure(p as Record<string, unknown>));
    } else out[key] = signalBodyToImperial(v);
  }
  return out;
}

function convertTirePressure(position: Record<string, unknown>): Record<string, unknown> {
  const p = position.tirePressure;
  return typeof p === 'number' ? { ...position, tirePressure: toImperialValue(p, 'kPa').value } : position;
}
