import type { Context } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import type { EmulatorEnv } from '../http/env.js';
import { CATALOGUE, displayMake } from '../simulation/catalogue.js';
import type { InteractionRecord } from '../store/records.js';
import { brandsFor } from './brand-regions.js';
import { offerVehicles } from './connect-service.js';
import { csrfToken, ensureCsrfCookie } from './csrf.js';
import { finishWithFailure } from './finish.js';
import { BrandPage } from './views/brand-page.js';
import { ErrorPage } from './views/error-page.js';
import { GrantPage } from './views/grant-page.js';
import { LoginPage } from './views/login-page.js';

/** Where the interaction stands: brand, then login, then grant. */
export type InteractionStep = 'brand' | 'login' | 'grant';

export function currentStep(interaction: InteractionRecord): InteractionStep {
  if (!interaction.make && !interaction.request.singleSelectVin) return 'brand';
  if (!interaction.email) return 'login';
  return 'grant';
}

export const interactionPath = (id: string, action?: InteractionStep) =>
  `/oauth/interaction/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/** Renders the page of the interaction's current step; pages only render, the routes decide. */
export function renderStep(
  c: Context<EmulatorEnv>,
  deps: EmulatorDeps,
  interaction: InteractionRecord,
  problem?: { error: string; email?: string },
): Response | Promise<Response> {
  const csrf = csrfToken(deps.csrfKey, ensureCsrfCookie(c, deps.ids.secret), interaction.id);
  const appName =
    deps.store.applications.findById(interaction.request.applicationId)?.name ?? 'An application';
  const status = problem ? 400 : 200;
  const step = currentStep(interaction);
  const action = interactionPath(interaction.id, step);

  if (step === 'brand') {
    return c.html(
      <BrandPage
        action={action}
        csrf={csrf}
        appName={appName}
        makes={brandsFor(CATALOGUE, interaction.request.flags.country)}
        error={problem?.error}
      />,
      status,
    );
  }
  if (step === 'login') {
    const brandName = interaction.make ? displayMake(interaction.make) : undefined;
    return c.html(
      <LoginPage
        action={action}
        csrf={csrf}
        brandName={brandName}
        mode={interaction.request.mode}
        email={problem?.email}
        error={problem?.error}
      />,
      status,
    );
  }
  const offer = offerVehicles(
    deps,
    interaction.email!,
    interaction.make,
    interaction.request.singleSelectVin,
  );
  if (!offer.ok) return finishWithFailure(c, deps, interaction, offer.failure);
  return c.html(
    <GrantPage
      action={action}
      csrf={csrf}
      appName={appName}
      scope={interaction.request.scope}
      vehicles={offer.offered}
      singleSelect={interaction.request.singleSelect}
      error={problem?.error}
    />,
    status,
  );
}

/** The page for a missing or expired interaction id. */
export function renderExpired(c: Context<EmulatorEnv>): Response | Promise<Response> {
  return c.html(
    <ErrorPage
      title="This Connect session has expired"
      message="The session does not exist or has expired. Start again from the application."
    />,
    400,
  );
}
