// Password hashing with scrypt from node:crypto (memory-hard, no native dependency). The cost
// travels in the stored string, so raising it later still verifies the old hashes.
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

export interface PasswordCost {
  /** CPU/memory cost, a power of two: OWASP's scrypt recommendation is 2^17 with r = 8, p = 1. */
  readonly n: number;
  readonly r: number;
  readonly p: number;
}
export const defaultPasswordCost: PasswordCost = { n: 2 ** 17, r: 8, p: 1 };

const keyLength = 32;
const options = ({ n, r, p }: PasswordCost): crypto.ScryptOptions => ({ N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 });

export async function hashPassword(password: string, cost: PasswordCost): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, keyLength, options(cost));
  return `scrypt$${cost.n}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, expected] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const cost = { n: Number(n), r: Number(r), p: Number(p) };
  const key = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), keyLength, options(cost));
  const want = Buffer.from(expected, 'base64url');
  return want.length === key.length && crypto.timingSafeEqual(key, want);
}

/** A hash to check against when no account has the email, so both answers take as long. */
export async function decoyHash(cost: PasswordCost): Promise<string> {
  return hashPassword(crypto.randomBytes(12).toString('base64url'), cost);
}
