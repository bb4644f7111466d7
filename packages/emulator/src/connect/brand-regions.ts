import type { CatalogueMake } from '../simulation/catalogue.js';

/**
 * Connect's brand list depends on the user's country (`flags=country:XX`,
 * reference §1.1). The emulator knows two markets; a brand not listed here
 * is sold in both.
 */
type Market = 'NORTH_AMERICA' | 'EUROPE';

const NORTH_AMERICA = new Set(['US', 'CA', 'MX', 'PR']);
const EUROPE = new Set(
  'AT BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(
    ' ',
  ),
);

const MARKETS_OF_MAKE: Record<string, readonly Market[]> = {
  CHEVROLET: ['NORTH_AMERICA'],
};

function marketOf(country: string): Market | undefined {
  const code = country.toUpperCase();
  if (NORTH_AMERICA.has(code)) return 'NORTH_AMERICA';
  if (EUROPE.has(code)) return 'EUROPE';
  return undefined;
}

/** The brands offered to a user in `country`; every brand when the country is absent or unknown. */
export function brandsFor(makes: readonly CatalogueMake[], country: string | undefined): CatalogueMake[] {
  const market = country ? marketOf(country) : undefined;
  if (!market) return [...makes];
  return makes.filter((m) => MARKETS_OF_MAKE[m.make]?.includes(market) ?? true);
}
