import { PERMISSION_DESCRIPTIONS, type ScopeEntry } from '@paddock/contract';
import type { FC } from 'hono/jsx';
import type { AccountVehicle } from '../../simulation/accounts.js';
import { displayMake } from '../../simulation/catalogue.js';
import { CsrfField, FormError, Layout } from './layout.js';

export interface GrantPageProps {
  action: string;
  csrf: string;
  appName: string;
  scope: readonly ScopeEntry[];
  vehicles: readonly AccountVehicle[];
  singleSelect: boolean;
  error?: string;
}

/** `2023 Tesla Model 3 (VIN 5YJ…)`. */
export function vehicleLabel(v: AccountVehicle): string {
  return `${v.year} ${displayMake(v.make)} ${v.model} (VIN ${v.vin})`;
}

/** Step 3: the permissions asked for and the vehicles to share, with Allow and Deny. */
export const GrantPage: FC<GrantPageProps> = ({
  action,
  csrf,
  appName,
  scope,
  vehicles,
  singleSelect,
  error,
}) => (
  <Layout title="Grant access">
    <h1>{`${appName} wants access to your vehicle`}</h1>
    <FormError message={error} />
    <form method="post" action={action}>
      <CsrfField token={csrf} />
      <fieldset>
        <legend>It will be able to:</legend>
        {scope.map(({ permission, required }) => (
          <label>
            <input type="checkbox" name="permission" value={permission} checked disabled={required} />{' '}
            {PERMISSION_DESCRIPTIONS[permission]}
            {required ? ' (required)' : ''}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{singleSelect ? 'Choose the vehicle to share:' : 'Choose the vehicles to share:'}</legend>
        {vehicles.map((v, i) => (
          <label>
            <input
              type={singleSelect ? 'radio' : 'checkbox'}
              name="vehicle"
              value={v.id}
              checked={singleSelect ? i === 0 : true}
            />{' '}
            {vehicleLabel(v)}
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit" name="action" value="deny">
          Deny
        </button>
        <button type="submit" name="action" value="allow" class="primary">
          Allow
        </button>
      </div>
    </form>
  </Layout>
);
