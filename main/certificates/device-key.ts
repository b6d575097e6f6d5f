// This app's own Ed25519 signing key, for certificates it self-issues offline. Made on first use
// and kept in the data folder, readable by its owner only (0600), so another account on the
// computer cannot sign as this learner; it never leaves the machine. Its did:key is the issuer
// of every self-issued credential, so anyone can check one with nothing else.
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JWK } from 'jose';
import { didKeyOf, verificationMethodOf } from '../../common/sync-api/did-key';

export const DEVICE_KEY_FILE = 'certificate-signing-key.pem';

export interface DeviceKey {
  readonly did: string;
  /** The key id in a self-issued VC-JWT's header: the did:key's verification method. */
  readonly kid: string;
  readonly publicJwk: JWK;
  readonly privateKey: KeyObject;
}

function fromPrivateKey(privateKey: KeyObject): DeviceKey {
  const publicJwk = crypto.createPublicKey(privateKey).export({ format: 'jwk' }) as JWK;
  const did = didKeyOf(publicJwk);
  return { did, kid: verificationMethodOf(did), publicJwk, privateKey };
}

/** The device key in `dataDir`, made (atomically, owner-only) when there is none yet. */
export function loadOrCreateDeviceKey(dataDir: string): DeviceKey {
  const file = path.join(dataDir, DEVICE_KEY_FILE);
  if (fs.existsSync(file)) {
    // Tighten a key file whose mode was loosened (a copy, a restore): owner-only, as made.
    if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return fromPrivateKey(crypto.createPrivateKey(fs.readFileSync(file, 'utf8')));
  }
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, pem, { mode: 0o600, flag: 'wx' });
  try {
    // Two windows making one at once: the first link wins (link never replaces), both read it back.
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return fromPrivateKey(crypto.createPrivateKey(fs.readFileSync(file, 'utf8')));
}
