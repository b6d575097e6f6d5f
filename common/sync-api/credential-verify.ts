// Verifies a credential's VC-JWT: shared by the verification page and the app, which runs it
// offline with the issuer key it saved when the certificate was issued, or, for a self-issued
// credential, with the key its did:key issuer names.
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, type JWK } from 'jose';
import { messageOf } from '../errors';
import { publicJwkOfDidKey } from './did-key';

export interface CredentialCheck {
  readonly valid: boolean;
  readonly credential: Record<string, unknown> | null;
  readonly reason?: string;
}

function decodedCredential(jwt: string): Record<string, unknown> | null {
  try {
    return (decodeJwt(jwt).vc as Record<string, unknown>) ?? null;
  } catch {
    // Not a JWT at all: there is no credential to show, and the reason comes from the verify step.
    return null;
  }
}

/**
 * Checks a VC-JWT against a published Ed25519 key, as of `at` (ms; now by default) with five
 * minutes' grace for clocks that differ; the same code runs in the app offline.
 */
export async function verifyCredentialJwt(jwt: string, publicJwk: JWK, at?: number): Promise<CredentialCheck> {
  try {
    const key = await importJWK({ ...publicJwk, alg: 'EdDSA' }, 'EdDSA');
    const { payload } = await jwtVerify(jwt, key, { algorithms: ['EdDSA'], clockTolerance: 300, ...(at === undefined ? {} : { currentDate: new Date(at) }) });
    const credential = payload.vc as Record<string, unknown> | undefined;
    // The signed claims and the credential must name the same issuer and id, or a valid
    // signature could vouch for a credential that says something else.
    const issuer = (credential?.issuer as { id?: unknown } | undefined)?.id;
    if (!credential || issuer !== payload.iss || credential.id !== payload.jti)
      return { valid: false, credential: credential ?? null, reason: 'the credential does not match the signed issuer and id' };
    return { valid: true, credential };
  } catch (error) {
    return { valid: false, credential: decodedCredential(jwt), reason: messageOf(error) };
  }
}

/** The did:key issuer of a VC-JWT, when it has one (self-issued credentials do). */
export function didKeyIssuer(jwt: string): string | null {
  try {
    const iss = decodeJwt(jwt).iss;
    return typeof iss === 'string' && iss.startsWith('did:key:') ? iss : null;
  } catch {
    return null;
  }
}

/** Checks a self-issued VC-JWT with the key its did:key issuer names: needs nothing but the credential. */
export async function verifySelfIssuedJwt(jwt: string, at?: number): Promise<CredentialCheck> {
  const did = didKeyIssuer(jwt);
  const key = did ? publicJwkOfDidKey(did) : null;
  if (!key) return { valid: false, credential: decodedCredential(jwt), reason: 'the issuer is not an Ed25519 did:key' };
  return verifyCredentialJwt(jwt, key, at);
}

/** The key id a VC-JWT was signed with, when its header names one. */
export function keyIdOf(jwt: string): string | undefined {
  try {
    return decodeProtectedHeader(jwt).kid;
  } catch {
    return undefined;
  }
}

const ENVELOPE_PREFIX = 'data:application/vc+jwt,';

/** A VC-JWT as a JSON file: a VC Data Model 2.0 EnvelopedVerifiableCredential. */
export const envelopeOf = (jwt: string) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: `${ENVELOPE_PREFIX}${jwt}`,
  type: 'EnvelopedVerifiableCredential',
});

/**
 * The VC-JWT in what someone pasted or dropped: the JWT itself, or the JSON envelope the app
 * exports. Null with a reason for anything else.
 */
export function jwtFromPasted(text: string): { jwt: string } | { error: string } {
  const trimmed = text.trim();
  if (/^[\w-]+\.[\w-]+\.[\w-]+$/.test(trimmed)) return { jwt: trimmed };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { error: 'This is neither a credential file (JSON) nor a VC-JWT.' };
  }
  const id = (parsed as { id?: unknown } | null)?.id;
  if (typeof id === 'string' && id.startsWith(ENVELOPE_PREFIX)) return { jwt: id.slice(ENVELOPE_PREFIX.length) };
  return { error: 'This JSON is not a credential the app can check: it expected an EnvelopedVerifiableCredential holding a VC-JWT.' };
}
