// The access-token cache answers as jose would: a remembered token still expires on time, and a
// token differing from an accepted one by a character is verified (and refused) afresh.
import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { accessTokenCache } from './auth';

const secret = crypto.randomBytes(32);
const t0 = 1_800_000_000_000;
const sign = (claims: Record<string, unknown>, exp: number | null, key = secret) => {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('learner-1');
  return (exp === null ? jwt : jwt.setExpirationTime(exp)).sign(key);
};
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: { code?: string }) => error.code,
  );

describe('accessTokenCache', () => {
  it('accepts a valid token again from memory, and refuses it from its expiry on', async () => {
    const authenticate = accessTokenCache(secret);
    const token = await sign({ sid: 's1' }, t0 / 1000 + 60);
    expect(await authenticate(`Bearer ${token}`, t0)).toEqual({ learnerId: 'learner-1', sessionId: 's1' });
    expect(await authenticate(`Bearer ${token}`, t0 + 59_999)).toEqual({ learnerId: 'learner-1', sessionId: 's1' });
    expect(await code(authenticate(`Bearer ${token}`, t0 + 60_000))).toBe('invalid_token');
    expect(await code(authenticate(`Bearer ${token}`, t0 + 1_000))).toBe('accepted');
  });

  it('refuses a tampered, foreign-key, or missing token even after the genuine one was remembered', async () => {
    const authenticate = accessTokenCache(secret);
    const token = await sign({}, t0 / 1000 + 60);
    await authenticate(`Bearer ${token}`, t0);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(await code(authenticate(`Bearer ${token.slice(0, -1)}${last}`, t0))).toBe('invalid_token');
    expect(await code(authenticate(`Bearer ${await sign({}, t0 / 1000 + 60, crypto.randomBytes(32))}`, t0))).toBe('invalid_token');
    expect(await code(authenticate(undefined, t0))).toBe('unauthenticated');
    expect(await code(authenticate(token, t0))).toBe('unauthenticated');
  });

  it('forgets the oldest token past its size, and verifies it again when it returns', async () => {
    const authenticate = accessTokenCache(secret, 2);
    const tokens = await Promise.all([1, 2, 3].map((i) => sign({ sid: `s${i}` }, t0 / 1000 + 60)));
    for (const token of tokens) await authenticate(`Bearer ${token}`, t0);
    // Still valid after eviction: only the memory is gone.
    expect(await authenticate(`Bearer ${tokens[0]!}`, t0)).toEqual({ learnerId: 'learner-1', sessionId: 's1' });
    expect(await code(authenticate(`Bearer ${tokens[0]!}`, t0 + 60_000))).toBe('invalid_token');
  });

  it('accepts a token without an expiry, as jose does', async () => {
    const authenticate = accessTokenCache(secret);
    const token = await sign({}, null);
    expect(await authenticate(`Bearer ${token}`, t0)).toEqual({ learnerId: 'learner-1', sessionId: null });
  });
});
