import { createHmac } from 'node:crypto';
import { bearerToken, VerifiedTokens } from './bearer-token.strategy.js';
import { jwtKey } from './jwt-key.js';

const SECRET = 'unit-secret-unit-secret-unit-secret-0123456789';
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const sign = (payload: object, header: object = { alg: 'HS256', typ: 'JWT' }, secret = SECRET) => {
  const data = `${b64(header)}.${b64(payload)}`;
  return `${data}.${createHmac('sha256', secret).update(data).digest('base64url')}`;
};
const T0 = 1_800_000_000_000;
const claims = { sub: 'a1b2c3d4-0000-4000-8000-000000000001', sid: 'a1b2c3d4-0000-4000-8000-000000000002', role: 'learner', ver: 0, iat: T0 / 1000, exp: T0 / 1000 + 900 };

describe('VerifiedTokens: each access token verified once, remembered only until it expires', () => {
  let now: number;
  const tokens = (capacity?: number) => new VerifiedTokens(jwtKey(SECRET), () => now, capacity);
  beforeEach(() => (now = T0));

  it('accepts our token, and the same token again from memory', () => {
    const verifier = tokens();
    const token = sign(claims);
    expect(verifier.payload(token)).toMatchObject({ sub: claims.sub, ver: 0 });
    expect(verifier.payload(token)).toMatchObject({ sub: claims.sub, ver: 0 });
  });

  it('refuses a remembered token from the second it expires on', () => {
    const verifier = tokens();
    const token = sign(claims);
    expect(verifier.payload(token)).not.toBeNull();
    now = claims.exp * 1000 - 1;
    expect(verifier.payload(token)).not.toBeNull();
    now = claims.exp * 1000;
    expect(verifier.payload(token)).toBeNull();
    expect(verifier.payload(token)).toBeNull();
  });

  it('refuses forgeries even once the genuine token is remembered', () => {
    const verifier = tokens();
    const token = sign(claims);
    verifier.payload(token);
    const [header, , signature] = token.split('.');
    expect(verifier.payload(`${header}.${b64({ ...claims, role: 'admin' })}.${signature}`)).toBeNull();
    expect(verifier.payload(sign(claims, { alg: 'HS256', typ: 'JWT' }, 'another-secret-another-secret-0123456789'))).toBeNull();
    expect(verifier.payload(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`)).toBeNull();
    expect(verifier.payload(`${token}x`)).toBeNull();
  });

  it('never remembers a token that failed (expired, not yet valid)', () => {
    const verifier = tokens();
    const expired = sign({ ...claims, exp: T0 / 1000 - 1 });
    expect(verifier.payload(expired)).toBeNull();
    const early = sign({ ...claims, nbf: T0 / 1000 + 60 });
    expect(verifier.payload(early)).toBeNull();
    now = T0 + 61_000;
    expect(verifier.payload(early)).not.toBeNull();
  });

  it('keeps the shared payload frozen and its memory bounded', () => {
    const verifier = tokens(2);
    const first = verifier.payload(sign({ ...claims, ver: 1 }))!;
    expect(Object.isFrozen(first)).toBe(true);
    for (let ver = 2; ver < 6; ver++) expect(verifier.payload(sign({ ...claims, ver }))?.ver).toBe(ver);
    expect((verifier as unknown as { verified: Map<string, unknown> }).verified.size).toBeLessThanOrEqual(2);
  });
});

describe('bearerToken', () => {
  it('reads the token of a Bearer header, whatever the scheme case', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer  abc.def.ghi ')).toBe('abc.def.ghi');
  });
  it('finds none in another scheme, an empty or a missing header', () => {
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken('')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
