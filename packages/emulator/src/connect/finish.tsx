import type { Context } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import type { EmulatorEnv } from '../http/env.js';
import type { InteractionRecord } from '../store/records.js';
import type { ConnectFailure } from './connect-service.js';
import { buildRedirect } from './redirects.js';
import { DonePage } from './views/done-page.js';

/**
 * Ends an interaction with a redirect to the application: the interaction is
 * consumed first, so a replayed form cannot complete it twice.
 */
function finish(
  c: Context<EmulatorEnv>,
  deps: EmulatorDeps,
  interaction: InteractionRecord,
  params: Record<string, string | undefined>,
): Response {
  deps.store.interactions.delete(interaction.id);
  const { redirectUri, state } = interaction.request;
  return c.redirect(buildRedirect(redirectUri, { ...params, state }), 303);
}

/** `redirect_uri?error=…&error_description=…&state=…` (reference §1.3). */
export function finishWithFailure(
  c: Context<EmulatorEnv>,
  deps: EmulatorDeps,
  interaction: InteractionRecord,
  failure: ConnectFailure,
): Response {
  return finish(c, deps, interaction, {
    error: failure.error,
    error_description: failure.description,
    ...failure.vehicle,
  });
}

/**
 * Success, by `response_type` (reference §1.2): `code` (the default) redirects
 * with `user_id` (plus `external_id`), never a `code`, which v3 has no use
 * for; `vehicle_id`, the re-auth flow, redirects with the vehicle's id;
 * `none` ends on a Smartcar-hosted page with no redirect.
 */
export function finishWithSuccess(
  c: Context<EmulatorEnv>,
  deps: EmulatorDeps,
  interaction: InteractionRecord,
  result: { userId: string; vehicleIds: readonly string[] },
): Response | Promise<Response> {
  const { responseType, externalId, applicationId } = interaction.request;
  if (responseType === 'none') {
    deps.store.interactions.delete(interaction.id);
    const appName = deps.store.applications.findById(applicationId)?.name ?? 'The application';
    return c.html(<DonePage appName={appName} />);
  }
  if (responseType === 'vehicle_id') {
    return finish(c, deps, interaction, { vehicle_id: result.vehicleIds[0] });
  }
  return finish(c, deps, interaction, { user_id: result.userId, external_id: externalId || undefined });
}
