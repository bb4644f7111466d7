import { fileURLToPath } from 'node:url';
import { type AppProcess, startApp } from '../app-process.js';
import { BrowserSession } from '../browser-session.js';
import { startScript } from '../child.js';
import { load } from '../load.js';
import { freePort } from '../ports.js';
import { assertClean, inRounds, medianRatio, medianRound, ratioRange } from '../rounds.js';
import { printTable, type Row } from '../table.js';

const GUIDE = fileURLToPath(new URL('../../guide/index.cjs', import.meta.url));
const EXCHANGES = 5;

async function connectUser(
  app: AppProcess,
  email: string,
  mode: 'live' | 'simulated',
  externalId?: string,
): Promise<string> {
  const res = await fetch(`${app.emulatorUrl}/_emulator/connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: app.credentials.clientId, email, mode, externalId }),
  });
  if (!res.ok) throw new Error(`connect: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { userId: string }).userId;
}

/** Token requests the embedded emulator has logged, once its log has caught up. */
async function tokenRequests(app: AppProcess): Promise<number> {
  await new Promise((r) => setTimeout(r, 300));
  return app.logLines().filter((l) => l.route === '/oauth2/token').length;
}

/** Signs up, then goes through /login and /exchange as Connect's redirect would, `EXCHANGES` times. */
async function signedInSession(app: AppProcess): Promise<BrowserSession> {
  const browser = new BrowserSession(app.url);
  const signup = await browser.submit('/signup', {
    email: 'bench@example.com',
    password: 'bench-password-123',
  });
  if (signup.status !== 303) throw new Error(`sign-up: ${signup.status}`);
  for (let i = 0; i < EXCHANGES; i++) {
    // Connect as /login's link asks: its state, and the external_id that binds the user to this account.
    const login = await (await browser.request('/login')).text();
    const href = login.match(/href="([^"]*\/oauth\/authorize\?[^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
    if (!href) throw new Error('no Connect link on /login');
    const connectUrl = new URL(href);
    const state = connectUrl.searchParams.get('state');
    const externalId = connectUrl.searchParams.get('external_id') ?? undefined;
    const userId = await connectUser(app, 'bench-driver@example.com', 'simulated', externalId);
    const exchange = await browser.request(
      `/exchange?${new URLSearchParams({ user_id: userId, state: state ?? '' })}`,
    );
    if (exchange.status !== 303) throw new Error(`exchange: ${exchange.status}`);
  }
  return browser;
}

/**
 * The `/vehicle` page of Paddock's app against the getting-started guide's
 * own code, both against the emulator embedded in `npm start`; and the
 * number of token requests each makes for `EXCHANGES` Connect round trips.
 */
export async function appVersusGuide(): Promise<void> {
  const app = await startApp(await freePort(), await freePort());
  try {
    const before = await tokenRequests(app);
    const browser = await signedInSession(app);

    const guide = await startScript<{ url: string }>(GUIDE, [], {
      PORT: '0',
      SMARTCAR_CLIENT_ID: app.credentials.clientId,
      SMARTCAR_CLIENT_SECRET: app.credentials.clientSecret,
      GUIDE_IAM_ORIGIN: app.emulatorUrl,
      GUIDE_VEHICLE_API_ORIGIN: app.emulatorUrl,
    });
    try {
      // The guide lists connections with no mode filter, which means live ones.
      const userId = await connectUser(app, 'guide-driver@example.com', 'live');
      const guideBefore = await tokenRequests(app);
      for (let i = 0; i < EXCHANGES; i++) {
        const res = await fetch(`${guide.info.url}/exchange?user_id=${userId}&state=x`, {
          redirect: 'manual',
        });
        if (res.status !== 302) throw new Error(`guide exchange: ${res.status}`);
      }
      const guideTokens = (await tokenRequests(app)) - guideBefore;
      const r = await inRounds({
        theirs: () => load({ url: `${guide.info.url}/vehicle` }),
        ours: () => load({ url: `${app.url}/vehicle`, headers: { cookie: browser.cookieHeader } }),
      });
      // The guide's calls are the emulator's token requests too; ours are every one but its five.
      const oursTokens = (await tokenRequests(app)) - before - guideTokens;
      assertClean('app', r.ours);
      assertClean('guide', r.theirs);
      const ratio = medianRatio(r.ours, r.theirs);
      const rows: Row[] = [
        { name: "the guide's code, GET /vehicle (baseline)", ...medianRound(r.theirs), ratio: 1 },
        {
          name: 'Paddock app, GET /vehicle',
          ...medianRound(r.ours),
          extra: ratioRange(r.ours, r.theirs),
          ratio,
          target: '≥ 3× the guide',
          met: ratio >= 3,
        },
        { name: `the guide's code, token requests for ${EXCHANGES} /exchange`, extra: String(guideTokens) },
        {
          name: `Paddock app, token requests for ${EXCHANGES} /exchange and the load`,
          extra: String(oursTokens),
          target: '1 in total',
          met: oursTokens === 1,
        },
      ];
      printTable(
        "App /vehicle against the guide's own code (ratio: against the guide; median of alternated rounds)",
        rows,
      );
    } finally {
      await guide.stop();
    }
  } finally {
    await app.stop();
  }
}
