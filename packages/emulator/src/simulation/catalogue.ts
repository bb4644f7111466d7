import type { PowertrainType } from '@paddock/contract';

/** One model line of the catalogue, with the powertrains it was sold with and its model years. */
export interface CatalogueModel {
  model: string;
  powertrains: readonly PowertrainType[];
  years: readonly [from: number, to: number];
  /** Energy figures of each powertrain the model was sold with. */
  energy: Readonly<Partial<Record<PowertrainType, EnergySpec>>>;
}

/**
 * Published-ballpark energy figures of one model and powertrain. Battery
 * fields are present on plug-in vehicles (BEV, PHEV), tank fields on those
 * with an engine (ICE, HEV, PHEV).
 */
export interface EnergySpec {
  /** Usable traction battery capacity, kWh. */
  batteryKwh?: number;
  /** Most the on-board charger accepts from an AC charger, kW. */
  maxAcKw?: number;
  /** Most the battery accepts from a DC fast charger, kW; 0 when the vehicle has no DC inlet. */
  maxDcKw?: number;
  /** Electric consumption, kWh per 100 km. */
  kwhPer100Km?: number;
  /** Fuel tank, litres. */
  tankLiters?: number;
  /** Fuel consumption, litres per 100 km. */
  litersPer100Km?: number;
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
      {
        model: 'e-tron',
        powertrains: ['BEV'],
        years: [2019, 2024],
        energy: {
          BEV: { batteryKwh: 86, maxAcKw: 11, maxDcKw: 150, kwhPer100Km: 24 },
        },
      },
      {
        model: 'Q5',
        powertrains: ['ICE', 'PHEV'],
        years: [2018, 2025],
        energy: {
          ICE: { tankLiters: 70, litersPer100Km: 8.5 },
          PHEV: {
            batteryKwh: 14.1,
            maxAcKw: 7.4,
            maxDcKw: 0,
            kwhPer100Km: 22,
            tankLiters: 54,
            litersPer100Km: 7.5,
          },
        },
      },
    ],
  },
  {
    make: 'BMW',
    name: 'BMW',
    wmi: 'WBA',
    models: [
      {
        model: 'i4',
        powertrains: ['BEV'],
        years: [2022, 2025],
        energy: {
          BEV: { batteryKwh: 81, maxAcKw: 11, maxDcKw: 205, kwhPer100Km: 17 },
        },
      },
      {
        model: 'X5',
        powertrains: ['ICE', 'PHEV'],
        years: [2019, 2025],
        energy: {
          ICE: { tankLiters: 83, litersPer100Km: 9.5 },
          PHEV: {
            batteryKwh: 25.7,
            maxAcKw: 11,
            maxDcKw: 0,
            kwhPer100Km: 24,
            tankLiters: 69,
            litersPer100Km: 9,
          },
        },
      },
    ],
  },
  {
    make: 'CHEVROLET',
    name: 'Chevrolet',
    wmi: '1G1',
    models: [
      {
        model: 'Bolt EV',
        powertrains: ['BEV'],
        years: [2017, 2023],
        energy: {
          BEV: { batteryKwh: 65, maxAcKw: 11, maxDcKw: 55, kwhPer100Km: 16.5 },
        },
      },
      {
        model: 'Equinox',
        powertrains: ['ICE'],
        years: [2018, 2025],
        energy: {
          ICE: { tankLiters: 55, litersPer100Km: 8.4 },
        },
      },
    ],
  },
  {
    make: 'FORD',
    name: 'Ford',
    wmi: '1FT',
    models: [
      {
        model: 'F-150',
        powertrains: ['ICE', 'HEV'],
        years: [2018, 2025],
        energy: {
          ICE: { tankLiters: 136, litersPer100Km: 12.5 },
          HEV: { tankLiters: 114, litersPer100Km: 10.5 },
        },
      },
      {
        model: 'Mustang Mach-E',
        powertrains: ['BEV'],
        years: [2021, 2025],
        energy: {
          BEV: { batteryKwh: 88, maxAcKw: 11, maxDcKw: 150, kwhPer100Km: 19 },
        },
      },
    ],
  },
  {
    make: 'HYUNDAI',
    name: 'Hyundai',
    wmi: 'KM8',
    models: [
      {
        model: 'Ioniq 5',
        powertrains: ['BEV'],
        years: [2022, 2025],
        energy: {
          BEV: { batteryKwh: 74, maxAcKw: 11, maxDcKw: 235, kwhPer100Km: 17.5 },
        },
      },
      {
        model: 'Tucson',
        powertrains: ['ICE', 'HEV', 'PHEV'],
        years: [2019, 2025],
        energy: {
          ICE: { tankLiters: 54, litersPer100Km: 8.3 },
          HEV: { tankLiters: 52, litersPer100Km: 6.5 },
          PHEV: {
            batteryKwh: 13.8,
            maxAcKw: 7.2,
            maxDcKw: 0,
            kwhPer100Km: 20,
            tankLiters: 42,
            litersPer100Km: 7,
          },
        },
      },
    ],
  },
  {
    make: 'KIA',
    name: 'Kia',
    wmi: 'KND',
    models: [
      {
        model: 'EV6',
        powertrains: ['BEV'],
        years: [2022, 2025],
        energy: {
          BEV: { batteryKwh: 74, maxAcKw: 11, maxDcKw: 235, kwhPer100Km: 17.5 },
        },
      },
      {
        model: 'Niro',
        powertrains: ['HEV', 'PHEV', 'BEV'],
        years: [2019, 2025],
        energy: {
          HEV: { tankLiters: 42, litersPer100Km: 4.8 },
          PHEV: {
            batteryKwh: 11.1,
            maxAcKw: 3.3,
            maxDcKw: 0,
            kwhPer100Km: 17,
            tankLiters: 37,
            litersPer100Km: 5.5,
          },
          BEV: { batteryKwh: 64.8, maxAcKw: 11, maxDcKw: 80, kwhPer100Km: 16 },
        },
      },
    ],
  },
  {
    make: 'TESLA',
    name: 'Tesla',
    wmi: '5YJ',
    models: [
      {
        model: 'Model 3',
        powertrains: ['BEV'],
        years: [2018, 2025],
        energy: {
          BEV: { batteryKwh: 75, maxAcKw: 11, maxDcKw: 250, kwhPer100Km: 15 },
        },
      },
      {
        model: 'Model Y',
        powertrains: ['BEV'],
        years: [2020, 2025],
        energy: {
          BEV: { batteryKwh: 75, maxAcKw: 11, maxDcKw: 250, kwhPer100Km: 16.5 },
        },
      },
    ],
  },
  {
    make: 'TOYOTA',
    name: 'Toyota',
    wmi: 'JTM',
    models: [
      {
        model: 'RAV4',
        powertrains: ['ICE', 'HEV', 'PHEV'],
        years: [2019, 2025],
        energy: {
          ICE: { tankLiters: 55, litersPer100Km: 8 },
          HEV: { tankLiters: 55, litersPer100Km: 6 },
          PHEV: {
            batteryKwh: 18.1,
            maxAcKw: 6.6,
            maxDcKw: 0,
            kwhPer100Km: 21,
            tankLiters: 55,
            litersPer100Km: 7,
          },
        },
      },
      {
        model: 'Prius',
        powertrains: ['HEV', 'PHEV'],
        years: [2017, 2025],
        energy: {
          HEV: { tankLiters: 43, litersPer100Km: 4.5 },
          PHEV: {
            batteryKwh: 13.6,
            maxAcKw: 3.5,
            maxDcKw: 0,
            kwhPer100Km: 14.5,
            tankLiters: 40,
            litersPer100Km: 4.5,
          },
        },
      },
      {
        model: 'bZ4X',
        powertrains: ['BEV'],
        years: [2023, 2025],
        energy: {
          BEV: { batteryKwh: 64, maxAcKw: 6.6, maxDcKw: 100, kwhPer100Km: 18 },
        },
      },
    ],
  },
  {
    make: 'VOLKSWAGEN',
    name: 'Volkswagen',
    wmi: 'WVG',
    models: [
      {
        model: 'ID.4',
        powertrains: ['BEV'],
        years: [2021, 2025],
        energy: {
          BEV: { batteryKwh: 77, maxAcKw: 11, maxDcKw: 135, kwhPer100Km: 18 },
        },
      },
      {
        model: 'Tiguan',
        powertrains: ['ICE'],
        years: [2018, 2025],
        energy: {
          ICE: { tankLiters: 58, litersPer100Km: 8.5 },
        },
      },
    ],
  },
  {
    make: 'VOLVO',
    name: 'Volvo',
    wmi: 'YV1',
    models: [
      {
        model: 'XC40',
        powertrains: ['ICE', 'BEV'],
        years: [2019, 2025],
        energy: {
          ICE: { tankLiters: 54, litersPer100Km: 7.8 },
          BEV: { batteryKwh: 75, maxAcKw: 11, maxDcKw: 150, kwhPer100Km: 21 },
        },
      },
      {
        model: 'XC60',
        powertrains: ['ICE', 'PHEV'],
        years: [2018, 2025],
        energy: {
          ICE: { tankLiters: 71, litersPer100Km: 8.5 },
          PHEV: {
            batteryKwh: 18.8,
            maxAcKw: 6.4,
            maxDcKw: 0,
            kwhPer100Km: 22,
            tankLiters: 71,
            litersPer100Km: 8,
          },
        },
      },
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
