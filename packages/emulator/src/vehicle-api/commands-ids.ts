import type { Ids } from '../deps.js';
import type { Clock } from '../simulation/clock.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

/**
 * A ULID-shaped id (`exec_01HX…`, reference §3.5): 48 bits of emulator-clock
 * milliseconds then 80 random bits taken from `ids.uuid()`, so ids sort by
 * creation time and tests can make them deterministic through `ids`.
 */
export function ulidLike(prefix: string, clock: Clock, ids: Ids): string {
  const time = BigInt(Math.max(0, Math.floor(clock.now()))) & ((1n << 48n) - 1n);
  const random = BigInt(`0x${ids.uuid().replaceAll('-', '').slice(-20).padStart(20, '0')}`);
  return `${prefix}${base32(time, 10)}${base32(random, 16)}`;
}
