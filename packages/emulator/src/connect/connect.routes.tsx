import { CONNECT_AUTHORIZE_PATH, CONNECT_ERRORS, type Permission, vehicleModeOf } from '@paddock/contract';
import { type Context, Hono } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import type { EmulatorEnv } from '../http/env.js';
import { pageHeaders } from '../http/page-headers.js';
import { findMake } from '../simulation/catalogue.js';
import type { InteractionRecord } from '../store/records.js';
import { runAuthorizePipeline } from './authorize-pipeline.js';
import { alreadyGranted, connect, offerVehicles } from './connect-service.js';
import { CSRF_FIELD, ensureCsrfCookie, readCsrfCookie, verifyCsrf } from './csrf.js';
import { finishWithFailure, finishWithSuccess } from './finish.js';
import {
  currentStep,
  type InteractionStep,
  interactionPath,
  renderExpired,
  renderStep,
} from './interaction-view.js';
import { buildRedirect } from './redirects.js';
import { ErrorPage } from './views/error-page.js';

/** How long a Connect session may take, in ms, on the emulator clock. */
export const INTERACTION_TTL_MS = 30 * 60 * 1000;

type Form = Record<string, string | File | (string | File)[]>;
type StepHandler = (
  c: Context<EmulatorEnv>,
  interaction: InteractionRecord,
  form: Form,
) => Response | Promise<Response>;

const text = (form: Form, name: string): string | undefined => {
  const v = form[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : undefined;
};
const texts = (form: Form, name: string): string[] => {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  );
};

/** Connect (reference §1): `/oauth/authorize` and the interaction pages behind it. */
export function connectRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const { store, clock, ids } = deps;
  app.use('/oauth/*', pageHeaders());

  app.get(CONNECT_AUTHORIZE_PATH, (c) => {
    const outcome = runAuthorizePipeline(new URL(c.req.url).searchParams, store.applications);
    if (outcome.kind === 'page') {
      return c.html(<ErrorPage title="Connect cannot start" message={outcome.description} />, 400);
    }
    if (outcome.kind === 'redirect') {
      const { redirectUri, error, description, state } = outcome;
      return c.redirect(buildRedirect(redirectUri, { error, error_description: description, state }), 303);
    }
    const interaction: InteractionRecord = {
      id: ids.secret(),
      request: outcome.request,
      make: outcome.request.make,
      expiresAt: clock.now() + INTERACTION_TTL_MS,
    };
    store.interactions.insert(interaction);
    ensureCsrfCookie(c, ids.secret);
    return c.redirect(interactionPath(interaction.id), 303);
  });

  app.get('/oauth/interaction/:id', (c) => {
    const interaction = store.interactions.findValid(c.req.param('id'));
    return interaction ? renderStep(c, deps, interaction) : renderExpired(c);
  });

  /** Every POST: CSRF first (403), then a live interaction at the step the form belongs to. */
  const post = (step: InteractionStep, handle: StepHandler) =>
    app.post(`/oauth/interaction/:id/${step}`, async (c) => {
      const id = c.req.param('id');
      const form: Form = await c.req.parseBody({ all: true }).catch(() => ({}));
      if (!verifyCsrf(deps.csrfKey, readCsrfCookie(c), id, text(form, CSRF_FIELD))) {
        const message =
          'The form could not be verified (missing or invalid CSRF token). Reload the page and try again.';
        return c.html(<ErrorPage title="Request refused" message={message} />, 403);
      }
      const interaction = store.interactions.findValid(id);
      if (!interaction) return renderExpired(c);
      // A stale tab posting an earlier step just sees the current page again.
      if (currentStep(interaction) !== step) return c.redirect(interactionPath(id), 303);
      return handle(c, interaction, form);
    });

  post('brand', (c, interaction, form) => {
    const make = findMake(text(form, 'make') ?? '');
    if (!make) return renderStep(c, deps, interaction, { error: 'Choose one of the brands listed.' });
    store.interactions.update({ ...interaction, make: make.make });
    return c.redirect(interactionPath(interaction.id), 303);
  });

  post('login', (c, interaction, form) => {
    const email = text(form, 'email')?.trim() ?? '';
    const password = text(form, 'password') ?? '';
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254 || password === '') {
      return renderStep(c, deps, interaction, { error: 'Enter an email address and a password.', email });
    }
    const offer = offerVehicles(deps, email, interaction.make, interaction.request.singleSelectVin);
    if (!offer.ok) return finishWithFailure(c, deps, interaction, offer.failure);
    const granted = interaction.request.approvalPrompt === 'auto' && alreadyGranted(deps, interaction, offer);
    if (granted) return finishWithSuccess(c, deps, interaction, granted);
    store.interactions.update({ ...interaction, email });
    return c.redirect(interactionPath(interaction.id), 303);
  });

  post('grant', (c, interaction, form) => {
    const { request } = interaction;
    if (text(form, 'action') !== 'allow') {
      return finishWithFailure(c, deps, interaction, {
        error: 'access_denied',
        description: CONNECT_ERRORS.access_denied,
      });
    }
    // Disabled (required) boxes are not posted: required permissions are always granted.
    const ticked = new Set(texts(form, 'permission'));
    const permissions: Permission[] = request.scope
      .filter((e) => e.required || ticked.has(e.permission))
      .map((e) => e.permission);
    const vehicles = texts(form, 'vehicle');
    if (vehicles.length === 0)
      return renderStep(c, deps, interaction, { error: 'Choose a vehicle to share.' });
    if (request.singleSelect && vehicles.length > 1) {
      return renderStep(c, deps, interaction, { error: 'Choose only one vehicle.' });
    }
    const application = store.applications.findById(request.applicationId);
    if (!application) return renderExpired(c);
    const result = connect(deps, {
      application,
      email: interaction.email!,
      make: interaction.make,
      mode: vehicleModeOf(request.mode),
      permissions,
      vehicles,
      singleSelectVin: request.singleSelectVin,
      externalId: request.externalId,
    });
    if (result.ok) return finishWithSuccess(c, deps, interaction, result);
    if ('failure' in result) return finishWithFailure(c, deps, interaction, result.failure);
    return renderStep(c, deps, interaction, { error: result.invalidInput });
  });

  return app;
}
