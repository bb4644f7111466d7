import type { LoadResult } from './load.js';

/** Rounds of alternated measurements (`BENCH_ROUNDS`, default 3). */
export const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

/** Every round's result of each named measurement, in round order. */
export type RoundResults<K extends string> = Record<K, LoadResult[]>;

/**
 * Runs the measurements one after the other, `ROUNDS` times over, so that a
 * shared machine's drift (other processes, CPU frequency, JIT and GC state)
 * falls on each of them alike instead of on whichever ran last.
 */
export async function inRounds<K extends string>(
  measures: Record<K, () => Promise<LoadResult>>,
): Promise<RoundResults<K>> {
  const names = Object.keys(measures) as K[];
  const results = Object.fromEntries(names.map((n) => [n, [] as LoadResult[]])) as RoundResults<K>;
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of names) results[name].push(await measures[name]());
  }
  return results;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The round with the median throughput (its p99 comes with it). */
export function medianRound(results: LoadResult[]): LoadResult {
  const sorted = [...results].sort((a, b) => a.rps - b.rps);
  return sorted[(sorted.length - 1) >> 1]!;
}

/** The median over rounds of `subject / base` (each round's pair measured minutes apart at most). */
export function medianRatio(subject: LoadResult[], base: LoadResult[]): number {
  return median(subject.map((r, i) => r.rps / base[i]!.rps));
}

/** "0.88–0.95× over 3 rounds", for the table's measure column. */
export function ratioRange(subject: LoadResult[], base: LoadResult[]): string {
  const ratios = subject.map((r, i) => r.rps / base[i]!.rps);
  if (ratios.length === 1) return '';
  const fmt = (n: number) => n.toFixed(2);
  return `${fmt(Math.min(...ratios))}–${fmt(Math.max(...ratios))}× in ${ratios.length} rounds`;
}

/** Throws if any round had failures, so a table never reports the speed of errors. */
export function assertClean(name: string, results: LoadResult[]): void {
  for (const r of results) {
    if (r.errors > 0 || r.non2xx > 0) throw new Error(`${name}: ${r.errors} errors, ${r.non2xx} non-2xx`);
  }
}
