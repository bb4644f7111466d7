import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { csrfToken, verifyCsrf } from '../connect/csrf.js';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { pageHeaders } from '../http/page-headers.js';
import type { VehicleErrorInput } from '../webhooks/payloads.js';
import { applyClockAction, type ClockAction } from './clock.routes.js';
import { type DashboardModel, DashboardPage } from './dashboard-page.js';
import type { EmulatorRuntime } from './runtime.js';

/** Cookie of the dashboard's CSRF tokens; distinct from Connect's and from the app's. */
export const DASHBOARD_CSRF_COOKIE = 'paddock_emulator_dashboard_csrf';
const CSRF_SCOPE = 'dashboard';
const COOKIE_VALUE = /^[A-Za-z0-9_-]{32,128}$/;
const CONNECTIONS_SHOWN = 25;
const EVENTS_SHOWN = 20;

/** Outcomes a form can report back; only these texts are ever shown, so nothing is reflected. */
const NOTICES: Record<string, DashboardModel['notice']> = {
  clock: { kind: 'notice', text: 'Clock updated.' },
  verify: { kind: 'notice', text: 'VERIFY sent; the state below shows the answer.' },
  vehicle: { kind: 'notice', text: 'Vehicle updated.' },
  reported: { kind: 'notice', text: 'UNREACHABLE reported to the vehicle’s webhooks.' },
  reset: { kind: 'notice', text: 'State reset.' },
  refused: { kind: 'error', text: 'The vehicle refused: ' },
  invalid: { kind: 'error', text: 'That action is not valid.' },
};

type Form = Record<string, string | File>;

export function dashboardRoutes(deps: EmulatorDeps, runtime: EmulatorRuntime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const { store, simulator, webhooks } = deps;
  app.use('/_emulator', pageHeaders());
  app.use('/_emulator/dashboard/*', pageHeaders());

  const cookieOf = (c: Context) => {
    const existing = getCookie(c, DASHBOARD_CSRF_COOKIE);
    if (existing && COOKIE_VALUE.test(existing)) return existing;
    const fresh = deps.ids.secret();
    setCookie(c, DASHBOARD_CSRF_COOKIE, fresh, {
      path: '/_emulator',
      httpOnly: true,
      sameSite: 'Strict',
      secure: new URL(c.req.url).protocol === 'https:',
    });
    return fresh;
  };

  app.get('/_emulator', (c) => {
    const token = csrfToken(deps.csrfKey, cookieOf(c), CSRF_SCOPE);
    const done = c.req.query('done') ?? '';
    const reason = c.req.query('reason') ?? '';
    const base = NOTICES[done];
    const notice =
      base && done === 'refused' && /^[A-Z_]{1,40}$/.test(reason)
        ? { ...base, text: base.text + reason }
        : base;
    const events = store.outbox.list({}, { offset: 0, limit: EVENTS_SHOWN });
    const model: DashboardModel = {
      csrfToken: token,
      notice,
      clock: runtime.clock.state(),
      applications: store.applications.dump().map((application) => {
        const page = store.connections.list(
          { applicationId: application.id },
          { offset: 0, limit: CONNECTIONS_SHOWN },
        );
        return {
          app: application,
          webhooks: store.webhooks.list({ applicationId: application.id }, { offset: 0, limit: 100 }).items,
          connections: page.items.map((connection) => ({
            connection,
            vehicle: store.vehicles.findById(connection.vehicleId),
          })),
          connectionCount: page.total,
        };
      }),
      events: events.items,
      eventCount: events.total,
    };
    return c.html(<DashboardPage m={model} />);
  });

  /** Every form: CSRF first (403), then the action, then a 303 back to the dashboard. */
  const post = (path: string, handle: (c: Context<EmulatorEnv>, form: Form) => Promise<string> | string) =>
    app.post(path, async (c) => {
      const form = (await c.req.parseBody().catch(() => ({}))) as Form;
      const presented = typeof form.csrf_token === 'string' ? form.csrf_token : undefined;
      if (!verifyCsrf(deps.csrfKey, getCookie(c, DASHBOARD_CSRF_COOKIE), CSRF_SCOPE, presented)) {
        return c.text('The form expired or did not come from the dashboard; reload it and try again.', 403);
      }
      let outcome: string;
      try {
        outcome = await handle(c, form);
      } catch (err) {
        if (err instanceof ApiError && err.type !== 'SERVER')
          outcome = `refused&reason=${err.code ?? err.type}`;
        else if (err instanceof TypeError || err instanceof RangeError) outcome = 'invalid';
        else throw err;
      }
      return c.redirect(`/_emulator?done=${outcome}`, 303);
    });

  post('/_emulator/dashboard/clock', async (_c, form) => {
    const action = parseClockForm(form);
    if (!action) return 'invalid';
    await applyClockAction(runtime, action);
    return 'clock';
  });

  post('/_emulator/dashboard/webhooks/:id/verify', async (c) => {
    webhooks.verify(c.req.param('id') ?? '');
    await webhooks.settle();
    return 'verify';
  });

  post('/_emulator/dashboard/vehicles/:id/:action', async (c) => {
    const id = c.req.param('id') ?? '';
    const action = c.req.param('action') ?? '';
    const report = Object.hasOwn(REPORTED_ERRORS, action) ? REPORTED_ERRORS[action] : undefined;
    if (report) {
      webhooks.reportVehicleError(id, report);
      await webhooks.settle();
      return 'reported';
    }
    const run: Record<string, () => void> = {
      'plug-in': () => simulator.plugIn(id),
      unplug: () => simulator.unplug(id),
      'start-trip': () => simulator.startTrip(id),
      'end-trip': () => simulator.endTrip(id),
    };
    const act = Object.hasOwn(run, action) ? run[action] : undefined;
    if (!act) return 'invalid';
    act();
    webhooks.checkTriggers(id);
    await webhooks.settle();
    return 'vehicle';
  });

  post('/_emulator/dashboard/reset', () => {
    runtime.reset();
    return 'reset';
  });

  return app;
}

/** The dashboard's VEHICLE_ERROR buttons: what each reports for every subscription of the vehicle. */
const REPORTED_ERRORS: Record<string, VehicleErrorInput> = {
  unreachable: {
    type: 'VEHICLE_STATE',
    code: 'UNREACHABLE',
    description: 'The vehicle is not reachable (reported from the dashboard).',
    state: 'ERROR',
    resolution: 'RETRY_LATER',
    suggestedUserMessage: null,
  },
  reachable: {
    type: 'VEHICLE_STATE',
    code: 'UNREACHABLE',
    description: 'The vehicle is reachable again (reported from the dashboard).',
    state: 'RESOLVED',
    resolution: null,
    suggestedUserMessage: null,
  },
  'login-expired': {
    type: 'CONNECTED_SERVICES_ACCOUNT',
    code: 'AUTHENTICATION_FAILED',
    description:
      "The login to the vehicle's connected services account is no longer valid (reported from the dashboard).",
    state: 'ERROR',
    resolution: 'REAUTHENTICATE',
    suggestedUserMessage: "Sign in to your vehicle's connected services account again.",
  },
};

function parseClockForm(form: Form): ClockAction | undefined {
  const action = form.action;
  if (action === 'freeze' || action === 'resume') return { action };
  if (action === 'advance' && typeof form.ms === 'string' && /^\d{1,9}$/.test(form.ms)) {
    return { action, ms: Number(form.ms) };
  }
  if (typeof form.speed === 'string' && /^\d{1,5}(\.\d+)?$/.test(form.speed))
    return { speed: Number(form.speed) };
  return undefined;
}
