import { originOf } from '../src/http/origin.js';

describe('originOf', () => {
  it.each([
    'http://localhost:4010/v3/vehicles/abc/signals',
    'http://localhost/v3/vehicles?x=1#y',
    'https://emulator.test:443/oauth2/token',
    'http://127.0.0.1:80/',
    'http://[::1]:4010/v3/vehicles/x',
    'https://EXAMPLE.com/a',
    'http://user:pass@example.com:8080/path',
    'http://example.com',
    'file:///tmp/x',
  ])('matches new URL(%s).origin', (input) => {
    // Serialized as fetch and the Node adapter hand it over.
    const url = new URL(input).href;
    expect(originOf(url)).toBe(new URL(url).origin);
  });
});
