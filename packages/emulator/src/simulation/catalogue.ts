import type { PowertrainType } from '@paddock/contract';

/** One model line of the catalogue, with the powertrains it was sold with and its model years. */
export interface CatalogueModel {
  model: string;
  powertrains: readonly PowertrainType[];
  years: readonly [from: number, to: number];
}

/** A manufacturer: `make` as the API spells it (upper case), `name` as pages show it. */
export interface CatalogueMake {
  make: string;
  name: string;
  /** World manufacturer identifier: the first three characters of its VINs. */
  wmi: string;
  models: readonly CatalogueModel[];
}

/** Plausible vehicles the emulator hands out; enough variety to exercise every powertrain. */
export const CATALOGUE: readonly CatalogueMake[] = [
  {
    make: 'AUDI',
    name: 'Audi',
    wmi: 'WAU',
    models: [
      { model: 'e-tron', powertrains: ['BEV'], years: [2019, 2024] },
      { model: 'Q5', powertrains: ['ICE', 'PHEV'], years: [2018, 2025] },
    ],
  },
  {
    make: 'BMW',
    name: 'BMW',
    wmi: 'WBA',
    models: [
      { model: 'i4', powertrains: ['BEV'], years: [2022, 2025] },
      { model: 'X5', powertrains: ['ICE', 'PHEV'], years: [2019, 2025] },
    ],
  },
  {
    make: 'CHEVROLET',
    name: 'Chevrolet',
    wmi: '1G1',
    models: [
      { model: 'Bolt EV', powertrains: ['BEV'], years: [2017, 2023] },
      { model: 'Equinox', powertrains: ['ICE'], years: [2018, 2025] },
    ],
  },
  {
    make: 'FORD',
    name: 'Ford',
    wmi: '1FT',
    models: [
      { model: 'F-150', powertrains: ['ICE', 'HEV'], years: [2018, 2025] },
      { model: 'Mustang Mach-E', powertrains: ['BEV'], years: [2021, 2025] },
    ],
  },
  {
    make: 'HYUNDAI',
    name: 'Hyundai',
    wmi: 'KM8',
    models: [
      { model: 'Ioniq 5', powertrains: ['BEV'], years: [2022, 2025] },
      { model: 'Tucson', powertrains: ['ICE', 'HEV', 'PHEV'], years: [2019, 2025] },
    ],
  },
  {
    make: 'KIA',
    name: 'Kia',
    wmi: 'KND',
    models: [
      { model: 'EV6', powertrains: ['BEV'], years: [2022, 2025] },
      { model: 'Niro', powertrains: ['HEV', 'PHEV', 'BEV'], years: [2019, 2025] },
    ],
  },
  {
    make: 'TESLA',
    name: 'Tesla',
    wmi: '5YJ',
    models: [
      { model: 'Model 3', powertrains: ['BEV'], years: [2018, 2025] },
      { model: 'Model Y', powertrains: ['BEV'], years: [2020, 2025] },
    ],
  },
  {
    make: 'TOYOTA',
    name: 'Toyota',
    wmi: 'JTM',
    models: [
      { model: 'RAV4', powertrains: ['ICE', 'HEV', 'PHEV'], years: [2019, 2025] },
      { model: 'Prius', powertrains: ['HEV', 'PHEV'], years: [2017, 2025] },
      { model: 'bZ4X', powertrains: ['BEV'], years: [2023, 2025] },
    ],
  },
  {
    make: 'VOLKSWAGEN',
    name: 'Volkswagen',
    wmi: 'WVG',
    models: [
      { model: 'ID.4', powertrains: ['BEV'], years: [2021, 2025] },
      { model: 'Tiguan', powertrains: ['ICE'], years: [2018, 2025] },
    ],
  },
  {
    make: 'VOLVO',
    name: 'Volvo',
    wmi: 'YV1',
    models: [
      { model: 'XC40', powertrains: ['ICE', 'BEV'], years: [2019, 2025] },
      { model: 'XC60', powertrains: ['ICE', 'PHEV'], years: [2018, 2025] },
    ],
  },
];

/** The catalogue entry of a make, matched case-insensitively (`tesla`, `TESLA`). */
export function findMake(make: string): CatalogueMake | undefined {
  const upper = make.trim().toUpperCase();
  return CATALOGUE.find((m) => m.make === upper);
}

/** The make whose VINs start with this WMI, if the catalogue knows one. */
export function findMakeByVin(vin: string): CatalogueMake | undefined {
  return CATALOGUE.find((m) => vin.toUpperCase().startsWith(m.wmi));
}

/** Title-case name for pages (`TESLA` → `Tesla`); unknown makes are shown as given. */
export function displayMake(make: string): string {
  return findMake(make)?.name ?? make;
}
