/** One row of a benchmark table; `ratio` is against the baseline row of the same table. */
export interface Row {
  name: string;
  rps?: number;
  p99Ms?: number;
  /** Any other measured figure, already formatted (e.g. "312 MiB"). */
  extra?: string;
  ratio?: number;
  target?: string;
  /** Whether the target holds; undefined where there is none. */
  met?: boolean;
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined
    ? ''
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Prints a Markdown table, so results paste straight into a README. */
export function printTable(title: string, rows: Row[]): void {
  const header = ['benchmark', 'req/s', 'p99 ms', 'measure', 'ratio', 'target', 'met'];
  const lines = rows.map((r) => [
    r.name,
    fmt(r.rps),
    fmt(r.p99Ms, 1),
    r.extra ?? '',
    r.ratio === undefined ? '' : `${fmt(r.ratio, 2)}×`,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(row(header));
  console.log(row(widths.map((w) => '-'.repeat(w))));
  for (const l of lines) console.log(row(l));
}

export const mib = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MiB RSS`;
