import { CONNECTIONS, SECONDS } from './load.js';
import { appVersusGuide } from './suites/app.js';
import { emulatorScale, emulatorThroughput } from './suites/emulator.js';
import { sdkOverhead } from './suites/sdk.js';
import { webhookIngestion } from './suites/webhooks.js';

/**
 * `npm run bench`: every benchmark, each with its baseline measured in the
 * same run on this machine. `BENCH_ONLY=name,name` picks suites.
 */
const suites: Record<string, () => Promise<void>> = {
  'emulator-throughput': emulatorThroughput,
  'emulator-scale': emulatorScale,
  'sdk-overhead': sdkOverhead,
  'app-vs-guide': appVersusGuide,
  'webhook-ingestion': webhookIngestion,
};

const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
const unknown = only?.filter((name) => !(name in suites)) ?? [];
if (unknown.length > 0) {
  console.error(`Unknown suite(s): ${unknown.join(', ')}. Suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}

console.log(
  `Paddock benchmarks — ${SECONDS} s per measurement, ${CONNECTIONS} connections, Node ${process.version}`,
);
for (const [name, run] of Object.entries(suites)) {
  if (only && !only.includes(name)) continue;
  await run();
}
