import { fileURLToPath } from 'node:url';
import { type AppProcess, startApp } from '../app-process.js';
import { connectUser, EXCHANGES, signedInSession } from '../app-session.js';
import { startScript } from '../child.js';
import { load } from '../load.js';
import { freePort } from '../ports.js';
import { assertClean, inRounds, medianRatio, medianRound, ratioRange } from '../rounds.js';
import { printTable, type Row } from '../table.js';

const GUIDE = fileURLToPath(new URL('../../guide/index.cjs', import.meta.url));

/** Token requests the embedded emulator has logged, once its log has caught up. */
async function tokenRequests(app: AppProcess): Promise<number> {
  await new Promise((r) => setTimeout(r, 300));
  return app.logLines().filter((l) => l.route === '/oauth2/token').length;
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
    const { browser } = await signedInSession(app);

    const guide = await startScript<{ url: string }>(GUIDE, [], {
      PORT: '0',
      SMARTCAR_CLIENT_ID: app.credentials.clientId,
      SMARTCAR_CLIENT_SECRET: app.credentials.clientSecret,
      GUIDE_IAM_ORIGIN: app.emulatorUrl,
      GUIDE_VEHICLE_API_ORIGIN: app.emulatorUrl,
    });
    try {
      // The guide lists connections with no mode filter, which means live ones.
      const { userId } = await connectUser(app, 'guide-driver@example.com', 'live');
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
