import { SIGNAL_CODES, type SignalGroup, signalDefinition } from '@paddock/contract';

/** A heading of the vehicle page and the catalogue groups it gathers, in reading order. */
export interface SignalSection {
  readonly id: string;
  readonly title: string;
  readonly groups: readonly SignalGroup[];
}

/** The catalogue's groups in the words and order a driver looks for them. */
export const SIGNAL_SECTIONS: readonly SignalSection[] = [
  { id: 'battery', title: 'Battery and range', groups: ['TractionBattery'] },
  { id: 'charging', title: 'Charging', groups: ['Charge'] },
  { id: 'fuel', title: 'Fuel and engine', groups: ['InternalCombustionEngine'] },
  {
    id: 'location',
    title: 'Location and driving',
    groups: ['Location', 'Motion', 'Odometer', 'Transmission'],
  },
  { id: 'security', title: 'Security', groups: ['Closure', 'Surveillance'] },
  { id: 'tyres', title: 'Tyres and wheels', groups: ['Wheel'] },
  { id: 'climate', title: 'Climate', groups: ['Climate', 'HVAC'] },
  { id: 'low-voltage', title: '12-volt battery', groups: ['LowVoltageBattery'] },
  { id: 'diagnostics', title: 'Diagnostics', groups: ['Diagnostics'] },
  { id: 'service', title: 'Service', groups: ['Service'] },
  { id: 'connectivity', title: 'Connectivity', groups: ['ConnectivityStatus', 'ConnectivitySoftware'] },
  { id: 'identity', title: 'Vehicle and account', groups: ['VehicleIdentification', 'VehicleUserAccount'] },
];

const OTHER: SignalSection = { id: 'other', title: 'Other', groups: [] };

/** The section a signal code belongs to; codes outside the catalogue go to "Other". */
export function sectionOf(code: string): SignalSection {
  const group = signalDefinition(code)?.group;
  return SIGNAL_SECTIONS.find((s) => group !== undefined && s.groups.includes(group)) ?? OTHER;
}

// Catalogue order, so signals keep the same place on every page.
const ORDER = new Map<string, number>(SIGNAL_CODES.map((code, i) => [code, i]));

/**
 * Puts items into the sections, in section order then catalogue order;
 * empty sections are left out, unknown codes come last under "Other".
 */
export function groupBySection<T extends { readonly code: string }>(
  items: readonly T[],
): { section: SignalSection; items: T[] }[] {
  const buckets = new Map<string, { section: SignalSection; items: T[] }>();
  for (const item of items) {
    const section = sectionOf(item.code);
    const bucket = buckets.get(section.id) ?? { section, items: [] };
    bucket.items.push(item);
    buckets.set(section.id, bucket);
  }
  const rank = (id: string) => {
    const index = SIGNAL_SECTIONS.findIndex((s) => s.id === id);
    return index === -1 ? SIGNAL_SECTIONS.length : index;
  };
  const orderOf = (code: string) => ORDER.get(code) ?? Number.MAX_SAFE_INTEGER;
  return [...buckets.values()]
    .sort((a, b) => rank(a.section.id) - rank(b.section.id))
    .map((b) => ({
      section: b.section,
      items: b.items.sort((x, y) => orderOf(x.code) - orderOf(y.code) || x.code.localeCompare(y.code)),
    }));
}
