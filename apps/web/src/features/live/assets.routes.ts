import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { DASHBOARD_CSS } from './dashboard-styles.js';
import { LIVE_SCRIPT } from './live-script.js';

// Short: a deploy changes these files and there is no fingerprint in their names.
const CACHE = 'public, max-age=300';

/** GET /assets/live.js and /assets/dashboard.css, from constants (no file reads, so dist/ needs no copies). */
export function assetsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/assets/live.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', CACHE);
    return c.body(LIVE_SCRIPT);
  });
  app.get('/assets/dashboard.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', CACHE);
    return c.body(DASHBOARD_CSS);
  });
  return app;
}
