import type { PowertrainType } from '@paddock/contract';
import { CATALOGUE, type CatalogueMake, type CatalogueModel, findMake, findMakeByVin } from './catalogue.js';
import { normaliseEmail, parseMagicLogin } from './magic-logins.js';
import { deterministicUuid, type SeededRandom, seededRandom } from './seeded.js';
import { generateVin } from './vin.js';

/** A vehicle of a connected-services account, as the emulator derives it. */
export interface AccountVehicle {
  id: string;
  vin: string;
  /** Upper case, as in API data (`TESLA`). */
  make: string;
  model: string;
  year: number;
  powertrainType: PowertrainType;
  /** False for the magic incompatible logins: Connect refuses it after Allow. */
  compatible: boolean;
}

/** The connected-services account behind a login email. */
export interface Account {
  email: string;
  userId: string;
  vehicles: AccountVehicle[];
  /** Set for `smartcar@invalid-subscription.com`: Connect fails right after login. */
  failure?: 'invalid_subscription';
}

interface VehicleWish {
  make?: string;
  powertrain?: PowertrainType;
  vin?: string;
  compatible?: boolean;
}

/**
 * Derives the account of a login email: a pure function of the emulator seed,
 * the normalised email and the brand chosen in Connect (`make`), so the same
 * login always yields the same user id and the same vehicles.
 */
export function resolveAccount(seed: string, rawEmail: string, make?: string): Account {
  const email = normaliseEmail(rawEmail);
  const brand = make === undefined ? undefined : findMake(make)?.make;
  const userId = deterministicUuid(seed, `user:${email}`);
  const random = seededRandom(seed, `vehicles:${email}:${brand ?? '*'}`);
  const login = parseMagicLogin(email);
  const vehicle = (wish: VehicleWish) => deriveVehicle(seed, email, random, wish);

  switch (login.kind) {
    case 'invalid_subscription':
      return { email, userId, vehicles: [vehicle({ make: brand })], failure: 'invalid_subscription' };
    case 'count':
      return { email, userId, vehicles: Array.from({ length: login.count }, () => vehicle({ make: brand })) };
    case 'single':
      return {
        email,
        userId,
        vehicles: [
          vehicle({
            make: brand ?? (login.vin ? findMakeByVin(login.vin)?.make : undefined) ?? login.preferredMake,
            powertrain: login.powertrain,
            vin: login.vin,
            compatible: !login.incompatible,
          }),
        ],
      };
    case 'ordinary':
      return {
        email,
        userId,
        vehicles: Array.from({ length: random.int(1, 3) }, () => vehicle({ make: brand })),
      };
  }
}

function deriveVehicle(seed: string, email: string, random: SeededRandom, wish: VehicleWish): AccountVehicle {
  const { make, model } = chooseModel(random, wish);
  const year = random.int(model.years[0], model.years[1]);
  const powertrainType = wish.powertrain ?? random.pick(model.powertrains);
  const vin = wish.vin ?? generateVin(random, make.wmi, year);
  const identity = `${email}:${vin}:${make.make}:${model.model}:${year}:${powertrainType}`;
  return {
    id: deterministicUuid(seed, `vehicle:${identity}`),
    vin,
    make: make.make,
    model: model.model,
    year,
    powertrainType,
    compatible: wish.compatible ?? true,
  };
}

/** Picks a model of the wished make that has the wished powertrain, widening to every make if none does. */
function chooseModel(
  random: SeededRandom,
  wish: VehicleWish,
): { make: CatalogueMake; model: CatalogueModel } {
  const all = CATALOGUE.flatMap((make) => make.models.map((model) => ({ make, model })));
  const fits = all.filter(
    (c) => wish.powertrain === undefined || c.model.powertrains.includes(wish.powertrain),
  );
  const ofMake = fits.filter((c) => c.make.make === wish.make);
  return random.pick(ofMake.length > 0 ? ofMake : fits);
}
