import * as contract from '@paddock/contract';
import { z } from 'zod';
import * as wire from '../src/core/wire.js';
import { normaliseUnit } from '../src/parse/signal-units.js';

/** The SDK keeps its run-time wire constants locally (no run-time import of the contract); they must agree. */
describe('local wire constants agree with @paddock/contract', () => {
  test('hosts, paths, headers, modes, paging and filters', () => {
    expect(wire.SMARTCAR_ORIGINS).toEqual(contract.SMARTCAR_ORIGINS);
    expect(wire.CONNECT_AUTHORIZE_PATH).toBe(contract.CONNECT_AUTHORIZE_PATH);
    expect(wire.IAM_TOKEN_PATH).toBe(contract.IAM_TOKEN_PATH);
    expect(wire.HEADER_USER_ID).toBe(contract.HEADER_USER_ID);
    expect(wire.HEADER_UNIT_SYSTEM).toBe(contract.HEADER_UNIT_SYSTEM);
    expect(wire.HEADER_REQUEST_ID).toBe(contract.HEADER_REQUEST_ID);
    expect(wire.HEADER_SIGNATURE).toBe(contract.WEBHOOK_SIGNATURE_HEADER.toLowerCase());
    expect(wire.CONNECT_MODES).toEqual(contract.CONNECT_MODES);
    expect(wire.VEHICLE_MODES).toEqual(contract.VEHICLE_MODES);
    expect([...wire.POWERTRAIN_TYPES].sort()).toEqual([...contract.POWERTRAIN_TYPES].sort());
    expect(wire.PAGE_NUMBER_PARAM).toBe(contract.PAGE_NUMBER_PARAM);
    expect(wire.PAGE_SIZE_PARAM).toBe(contract.PAGE_SIZE_PARAM);
    expect(wire.MAX_PAGE_SIZE).toBe(contract.MAX_PAGE_SIZE);
    expect(wire.CONNECTION_FILTERS).toEqual(contract.CONNECTION_FILTERS);
  });

  test('the status of each error type', () => {
    for (const type of contract.ERROR_TYPES) {
      expect(wire.ERROR_TYPE_STATUS[type], type).toBe(contract.ERROR_CATALOGUE[type].status);
    }
  });

  test('unit spellings normalise to the unit the contract lists first for each code', () => {
    let checked = 0;
    for (const code of contract.SIGNAL_CODES) {
      const schema = z.toJSONSchema(contract.SIGNALS[code].body, { unrepresentable: 'any' }) as {
        properties?: { unit?: { enum?: string[]; const?: string } };
      };
      const unit = schema.properties?.unit;
      const units = unit?.enum ?? (unit?.const !== undefined ? [unit.const] : []);
      const [first] = units;
      if (first === undefined) continue;
      expect(normaliseUnit(code, first), code).toBe(first);
      for (const spelling of units) {
        const normalised = normaliseUnit(code, spelling);
        // Either another unit (imperial), left alone, or a spelling of the first one.
        expect([spelling, first], `${code} ${spelling}`).toContain(normalised);
        if (normalised !== spelling) checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('packaging', () => {
  test('the sources import only types from @paddock/contract and nothing from zod, so the build needs neither', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const root = new URL('../src/', import.meta.url);
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(30);
    const offenders: string[] = [];
    for (const file of files) {
      const source = await readFile(new URL(file, root), 'utf8');
      for (const [statement] of source.matchAll(/^import[^;]*?from '([^']+)';/gms)) {
        const external = /from '(@paddock\/contract|zod)'/.test(statement);
        if (external && !statement.startsWith('import type')) offenders.push(`${file}: ${statement}`);
        if (/from '(?!node:|\.)/.test(statement) && !/@paddock\/contract/.test(statement)) {
          offenders.push(`${file}: ${statement}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
