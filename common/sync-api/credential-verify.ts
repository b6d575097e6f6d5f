// Verifies a credential's VC-JWT: shared by the verification page and the app, which runs it
// offline with the issuer key it saved when the certificate was issued.
import { decodeJwt, importJWK, jwtVerify, type JWK } from 'jose';
import { messageOf } from '../errors';

/** Checks a VC-JWT against a published Ed25519 key; the same code runs in the app offline. */
export async function verifyCredentialJwt(
  jwt: string,
  publicJwk: JWK,
): Promise<{ valid: boolean; credential: Record<string, unknown> | null; reason?: string }> {
  try {
    const key = await importJWK({ ...publicJwk, alg: 'EdDSA' }, 'EdDSA');
    const { payload } = await jwtVerify(jwt, key, { algorithms: ['EdDSA'] });
    return { valid: true, credential: payload.vc as Record<string, unknown> };
  } catch (error) {
    let credential: Record<string, unknown> | null = null;
    try {
      credential = (decodeJwt(jwt).vc as Record<string, unknown>) ?? null;
    } catch {
      credential = null;
    }
    return { valid: false, credential, reason: messageOf(error) };
  }
}
