import type { Context } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import type { EmulatorEnv } from '../http/env.js';
import type { InteractionRecord } from '../store/records.js';
import type { ConnectFailure } from './connect-service.js';
import { buildRedirect } from './redirects.js';

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

/** `redirect_uri?user_id=…&state=…` (plus `external_id`); never a `code`: v3 has no use for it. */
export function finishWithSuccess(
  c: Context<EmulatorEnv>,
  deps: EmulatorDeps,
  interaction: InteractionRecord,
  userId: string,
): Response {
  return finish(c, deps, interaction, {
    user_id: userId,
    external_id: interaction.request.externalId || undefined,
  });
}
