import { request as httpRequest } from 'node:http';
import { startServer } from '../child.js';
import { type LoadResult, load } from '../load.js';
import { assertClean, inRounds, medianRatio, medianRound, ratioRange } from '../rounds.js';
import { mib, printTable, type Row } from '../table.js';

export interface EmulatorInfo {
  url: string;
  token: string;
  clientId: string;
  clientSecret: string;
  vehicleCount: number;
  /** A BEV (its full signal list is measured). */
  first: { vehicleId: string; userId: string };
  vehiclePaths: string[];
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The size of a 200 body as it comes off the wire (node:http decodes nothing). */
function bodyBytes(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers, agent: false }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () =>
        res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url} answered ${res.statusCode}`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Emulator throughput against a bare node:http server measured in the same
 * run, in alternated rounds (each ratio is the median of the rounds' ratios).
 */
export async function emulatorThroughput(): Promise<void> {
  const bare = await startServer<{ url: string }>('bare');
  const emulator = await startServer<EmulatorInfo>('emulator', ['10']);
  try {
    const { url, token, first } = emulator.info;
    const auth = { authorization: `Bearer ${token}` };
    const signalsUrl = `${url}/v3/vehicles/${first.vehicleId}/signals`;
    const plainHeaders = { ...auth, 'sc-user-id': first.userId };
    // What fetch and the SDK send by themselves; autocannon sends only what it is given.
    const signalsHeaders = { ...plainHeaders, 'accept-encoding': 'gzip, deflate' };
    const listBytes = await bodyBytes(signalsUrl, plainHeaders);
    const gzipBytes = await bodyBytes(signalsUrl, signalsHeaders);
    const r = await inRounds({
      bareGet: () => load({ url: `${bare.info.url}/v3/vehicles/x` }),
      vehicle: () => load({ url: `${url}/v3/vehicles/${first.vehicleId}`, headers: auth }),
      signals: () => load({ url: signalsUrl, headers: signalsHeaders }),
      signalsPlain: () => load({ url: signalsUrl, headers: plainHeaders }),
      // What any server sending that many bytes reaches here: each list's ceiling.
      gzipCeiling: () => load({ url: `${bare.info.url}/random/${gzipBytes}` }),
      ceiling: () => load({ url: `${bare.info.url}/bytes/${listBytes}` }),
    });
    const baselinePost = await load({
      url: `${bare.info.url}/oauth2/token`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    const token_ = await load({
      url: `${url}/oauth2/token`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: emulator.info.clientId,
        client_secret: emulator.info.clientSecret,
      }).toString(),
    });
    for (const [name, results] of Object.entries({ ...r, token_: [token_] })) assertClean(name, results);
    const against = (name: string, subject: LoadResult[], target?: number): Row => {
      const ratio = medianRatio(subject, r.bareGet);
      return {
        name,
        ...medianRound(subject),
        extra: ratioRange(subject, r.bareGet),
        ratio,
        ...(target === undefined ? {} : { target: `≥ ${target}× bare`, met: ratio >= target }),
      };
    };
    const rows: Row[] = [
      { name: 'bare node:http, GET small JSON (baseline)', ...medianRound(r.bareGet), ratio: 1 },
      against('GET /v3/vehicles/{id}', r.vehicle, 0.6),
      against(
        `GET /v3/vehicles/{id}/signals (a BEV's full list, gzip as fetch and the SDK ask: ${kib(gzipBytes)})`,
        r.signals,
        0.4,
      ),
      against(
        `bare node:http, GET ${kib(gzipBytes)} of random bytes (the compressed list's ceiling)`,
        r.gzipCeiling,
      ),
      against(`the same list uncompressed (no Accept-Encoding: ${kib(listBytes)})`, r.signalsPlain),
      against(`bare node:http, GET a ${kib(listBytes)} body (the uncompressed list's ceiling)`, r.ceiling),
      { name: 'bare node:http, POST form (baseline)', ...baselinePost, ratio: 1 },
      { name: 'POST /oauth2/token', ...token_, ratio: token_.rps / baselinePost.rps },
    ];
    printTable('Emulator throughput (GET ratios: median of alternated rounds against the bare GET)', rows);
  } finally {
    await Promise.all([bare.stop(), emulator.stop()]);
  }
}

/**
 * Memory and read latency with 10 and with 100,000 vehicles: both emulators
 * run side by side, their loads alternate in rounds, and the p99 ratio is
 * the median of the rounds' ratios (one GC pause in one 5 s load otherwise
 * decided it). RSS is read after a full GC, once the loads are done.
 */
export async function emulatorScale(): Promise<void> {
  const small = await startServer<EmulatorInfo>('emulator', ['10']);
  const large = await startServer<EmulatorInfo>('emulator', ['100000']);
  try {
    const readAll = (emulator: typeof small) => () =>
      load({
        url: emulator.info.url,
        headers: { authorization: `Bearer ${emulator.info.token}` },
        paths: emulator.info.vehiclePaths,
      });
    // Setting up 100,000 vehicles leaves garbage behind: collect it before measuring.
    await Promise.all([small.ask('gc'), large.ask('gc')]);
    const r = await inRounds({ small: readAll(small), large: readAll(large) });
    assertClean('10 vehicles', r.small);
    assertClean('100,000 vehicles', r.large);
    const [smallRss, largeRss] = await Promise.all([small.ask<number>('gc'), large.ask<number>('gc')]);
    const p99Ratios = r.large.map((round, i) => round.p99Ms / r.small[i]!.p99Ms).sort((a, b) => a - b);
    const p99Ratio = p99Ratios[(p99Ratios.length - 1) >> 1]!;
    const range =
      p99Ratios.length > 1
        ? `, p99 ${p99Ratios[0]!.toFixed(2)}–${p99Ratios.at(-1)!.toFixed(2)}× in ${p99Ratios.length} rounds`
        : '';
    const rows: Row[] = [
      {
        name: '10 vehicles, GET /v3/vehicles/{id} across all',
        ...medianRound(r.small),
        extra: mib(smallRss),
      },
      {
        name: '100,000 vehicles, GET /v3/vehicles/{id} across all',
        ...medianRound(r.large),
        extra: `${mib(largeRss)}${range}`,
        ratio: p99Ratio,
        target: '< 1 GiB; p99 ≤ 1.5× of 10',
        met: p99Ratio <= 1.5 && largeRss < 1024 ** 3,
      },
    ];
    printTable('Emulator scale (ratio: p99 against 10 vehicles, median of alternated rounds)', rows);
  } finally {
    await Promise.all([small.stop(), large.stop()]);
  }
}
