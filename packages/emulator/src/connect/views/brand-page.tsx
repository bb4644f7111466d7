import type { FC } from 'hono/jsx';
import type { CatalogueMake } from '../../simulation/catalogue.js';
import { CsrfField, FormError, Layout } from './layout.js';

export interface BrandPageProps {
  action: string;
  csrf: string;
  appName: string;
  makes: readonly CatalogueMake[];
  error?: string;
}

/** Step 1: the brand selector. */
export const BrandPage: FC<BrandPageProps> = ({ action, csrf, appName, makes, error }) => (
  <Layout title="Choose your brand">
    <h1>Choose your vehicle brand</h1>
    <p>{`${appName} wants to connect to your vehicle.`}</p>
    <FormError message={error} />
    <form method="post" action={action}>
      <CsrfField token={csrf} />
      <div class="brands">
        {makes.map((m) => (
          <button type="submit" name="make" value={m.make}>
            {m.name}
          </button>
        ))}
      </div>
    </form>
  </Layout>
);
