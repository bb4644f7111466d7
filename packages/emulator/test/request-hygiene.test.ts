import { oauthErrorSchema } from '@paddock/contract';
import { z } from 'zod';
import { readJsonBody } from '../src/http/json-body.js';
import { apiGet, expectApiError, ORIGIN, setup } from './helpers/setup.js';

describe('request hygiene', () => {
  it('refuses broken percent-encoding in the path or the query with 400 before auth', async () => {
    const t = setup();
    for (const path of [
      '/v3/vehicles/%ZZ',
      '/v3/vehicles/%E0%A4%A',
      '/v3/connections?filter[userId]=%E0%A4%A',
      '/nowhere/%',
    ]) {
      const error = await expectApiError(await apiGet(t, path), 400, 'VALIDATION', 'INVALID_INPUT_FORMAT');
      expect(error.detail).toMatch(/percent-encoding/);
    }
    // Well-formed escapes pass through to the routes (here: auth).
    await expectApiError(await apiGet(t, '/v3/vehicles/a%20b%2Fc'), 401, 'AUTHENTICATION', 'UNAUTHORIZED');
  });

  it('answers the token endpoint in its own OAuth shape', async () => {
    const t = setup();
    const res = await t.fetch(`${ORIGIN}/oauth2/token?x=%ZZ`, { method: 'POST' });
    expect(res.status).toBe(400);
    expect(oauthErrorSchema.parse(await res.json()).error).toBe('invalid_request');
  });

  it('refuses bodies over 64 KiB with 413, announced or streamed', async () => {
    const t = setup();
    const big = 'x'.repeat(64 * 1024 + 1);
    const announced = await t.fetch(`${ORIGIN}/v3/connections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    const error = await expectApiError(announced, 413, 'VALIDATION', 'INVALID_INPUT_FORMAT');
    expect(error.status).toBe('413');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 80; i++) controller.enqueue(new Uint8Array(1024));
        controller.close();
      },
    });
    const streamed = await t.fetch(`${ORIGIN}/v3/vehicles/x/commands/security/lock`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectApiError(streamed, 413, 'VALIDATION', 'INVALID_INPUT_FORMAT');
    const token = await t.fetch(`${ORIGIN}/oauth2/token`, { method: 'POST', body: big });
    expect(token.status).toBe(413);
    expect(oauthErrorSchema.parse(await token.json()).error).toBe('invalid_request');
  });
});

describe('readJsonBody', () => {
  const schema = z.object({ n: z.number() });
  const request = (body: BodyInit | undefined, contentType?: string) => {
    const req = new Request(ORIGIN, {
      method: 'POST',
      body,
      headers: contentType === undefined ? {} : { 'content-type': contentType },
    });
    return {
      req: {
        arrayBuffer: () => req.arrayBuffer(),
        header: (name: string) => req.headers.get(name) ?? undefined,
      },
    } as never;
  };
  const fails = async (promise: Promise<unknown>, detail: RegExp) => {
    await expect(promise).rejects.toMatchObject({
      type: 'VALIDATION',
      code: 'INVALID_INPUT_FORMAT',
      message: expect.stringMatching(detail),
    });
  };

  it('parses JSON of the schema, with any JSON content type', async () => {
    expect(await readJsonBody(request('{"n":1}', 'application/json; charset=utf-8'), schema)).toEqual({
      n: 1,
    });
    expect(await readJsonBody(request('{"n":2}', 'application/vnd.api+json'), schema)).toEqual({ n: 2 });
    expect(await readJsonBody(request(undefined), schema, { whenEmpty: { n: 3 } })).toEqual({ n: 3 });
  });

  it('names each problem: empty, content type, UTF-8, JSON, schema', async () => {
    await fails(readJsonBody(request(undefined), schema), /empty/);
    await fails(
      readJsonBody(request('{"n":1}', 'text/plain'), schema),
      /Content-Type must be application\/json; got "text\/plain"/,
    );
    await fails(readJsonBody(request(new TextEncoder().encode('{"n":1}')), schema), /got none/);
    await fails(readJsonBody(request(new Uint8Array([0xff, 0xfe]), 'application/json'), schema), /UTF-8/);
    await fails(readJsonBody(request('{"n":', 'application/json'), schema), /not valid JSON/);
    await fails(readJsonBody(request('{"n":"1"}', 'application/json'), schema), /n: /);
  });
});
