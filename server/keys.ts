// The server's keys live in the database so every instance signs and verifies with the same
// ones: an Ed25519 key for credentials and an HMAC secret for access tokens.
import crypto from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';
import { sql, type Database } from './db/database';

export interface ServerKeys {
  readonly credential: { kid: string; privateKey: CryptoKey; publicJwk: JWK };
  readonly accessSecret: Uint8Array;
}

async function ensure(db: Database, purpose: string, make: () => Promise<{ kid: string; privateJwk: JWK; publicJwk: JWK }>) {
  const existing = await db.query<{ kid: string; private_jwk: JWK; public_jwk: JWK }>(
    sql`select kid, private_jwk, public_jwk from server_keys where purpose = ${purpose}`,
  );
  if (existing[0]) return existing[0];
  const made = await make();
  // Two instances starting together: the first insert wins and both read it back.
  await db.query(sql`insert into server_keys (purpose, kid, private_jwk, public_jwk, created_at)
    values (${purpose}, ${made.kid}, ${JSON.stringify(made.privateJwk)}::jsonb, ${JSON.stringify(made.publicJwk)}::jsonb, ${Date.now()})
    on conflict (purpose) do nothing`);
  const [row] = await db.query<{ kid: string; private_jwk: JWK; public_jwk: JWK }>(
    sql`select kid, private_jwk, public_jwk from server_keys where purpose = ${purpose}`,
  );
  return row!;
}

export async function loadKeys(db: Database): Promise<ServerKeys> {
  const credential = await ensure(db, 'credential', async () => {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const publicJwk = await exportJWK(pair.publicKey);
    const kid = crypto.createHash('sha256').update(publicJwk.x!).digest('base64url').slice(0, 16);
    return { kid, privateJwk: await exportJWK(pair.privateKey), publicJwk: { ...publicJwk, kid, alg: 'EdDSA', use: 'sig' } };
  });
  const access = await ensure(db, 'access', async () => {
    const k = crypto.randomBytes(32).toString('base64url');
    return { kid: 'access', privateJwk: { kty: 'oct', k }, publicJwk: {} };
  });
  return {
    credential: {
      kid: credential.kid,
      privateKey: (await importJWK({ ...credential.private_jwk, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey,
      publicJwk: credential.public_jwk,
    },
    accessSecret: Buffer.from(access.private_jwk.k!, 'base64url'),
  };
}
