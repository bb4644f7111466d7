import { createScryptHasher } from '../src/security/password-hasher.js';

describe('createScryptHasher', () => {
  const hasher = createScryptHasher({ cost: 2 ** 10 });

  test('a hash names its parameters, carries a 16-byte salt and a 32-byte key, and verifies', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    const [scheme, n, r, p, salt, key] = hash.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '1024', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(32);
    expect(await hasher.verify('correct horse battery staple', hash)).toBe(true);
    expect(await hasher.verify('correct horse battery stapl', hash)).toBe(false);
    expect(await hasher.verify('', hash)).toBe(false);
  });

  test('the same password hashes differently each time (per-password salt)', async () => {
    expect(await hasher.hash('same')).not.toBe(await hasher.hash('same'));
  });

  test('the parameters come from the stored hash, so a cost change keeps old hashes valid', async () => {
    const old = await createScryptHasher({ cost: 2 ** 11 }).hash('pw');
    expect(await hasher.verify('pw', old)).toBe(true);
  });

  test('Unicode forms of one password are one password', async () => {
    const composed = 'caf\u00e9-passw0rd';
    const decomposed = 'cafe\u0301-passw0rd';
    expect(await hasher.verify(decomposed, await hasher.hash(composed))).toBe(true);
  });

  test.each([
    ['not a hash'],
    ['bcrypt$10$x$y$z$w'],
    ['scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    // A cost far beyond the ceiling is refused rather than computed.
    ['scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['scrypt$1024$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
  ])('a malformed or hostile stored hash (%s) verifies as false', async (stored) => {
    expect(await hasher.verify('pw', stored)).toBe(false);
  });

  test('a cost that is not a power of two is a TypeError', () => {
    expect(() => createScryptHasher({ cost: 1000 })).toThrow(TypeError);
  });

  test('the default parameters are OWASP’s (N = 2^17, r = 8, p = 1)', async () => {
    const hash = await createScryptHasher().hash('pw');
    expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 17), '8', '1']);
  });
});
