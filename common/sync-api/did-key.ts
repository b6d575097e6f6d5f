// did:key for Ed25519 (W3C CCG did:key method): the app's device key names itself, so a
// self-issued credential carries everything needed to check its signature, with no server.
// `did:key:z` + base58btc(0xed 0x01 ‖ 32-byte public key).
import type { JWK } from 'jose';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const ED25519_PUB = [0xed, 0x01];

export function base58btc(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let out = '';
  while (value > 0n) {
    out = ALPHABET[Number(value % 58n)]! + out;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    out = '1' + out;
  }
  return out;
}

export function fromBase58btc(text: string): Uint8Array | null {
  let value = 0n;
  for (const ch of text) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return null;
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  for (const ch of text) {
    if (ch !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** The did:key of an Ed25519 public key given as a JWK (OKP, crv Ed25519). */
export function didKeyOf(publicJwk: JWK): string {
  if (publicJwk.kty !== 'OKP' || publicJwk.crv !== 'Ed25519' || !publicJwk.x) throw new Error('did:key needs an Ed25519 public key');
  return `did:key:z${base58btc(Uint8Array.from([...ED25519_PUB, ...Buffer.from(publicJwk.x, 'base64url')]))}`;
}

/** The Ed25519 public key a did:key names, or null when it names none. */
export function publicJwkOfDidKey(did: string): JWK | null {
  const match = /^did:key:z([1-9A-HJ-NP-Za-km-z]+)$/.exec(did);
  const bytes = match ? fromBase58btc(match[1]!) : null;
  if (!bytes || bytes.length !== 34 || bytes[0] !== ED25519_PUB[0] || bytes[1] !== ED25519_PUB[1]) return null;
  return { kty: 'OKP', crv: 'Ed25519', x: base64url(bytes.subarray(2)) };
}

/** The verification method of a did:key: the key itself, as did:key documents name it. */
export const verificationMethodOf = (did: string) => `${did}#${did.slice('did:key:'.length)}`;
