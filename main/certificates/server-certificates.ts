// The server's certificates on this computer: saving one it issued (checked against its published
// key, kept with it so it verifies offline) in place of a self-issued one of the same tier, and
// bringing this computer up to the server's list: revocations, and certificates issued to the
// account on another computer (a second computer gets them back, as it gets the events back).
import { and, eq, isNull } from 'drizzle-orm';
import type { JWK } from 'jose';
import type { IssuedCertificate } from '../../common/sync-api/schemas';
import { verifyCredentialJwt } from '../../common/sync-api/credential-verify';
import type { Store } from '../store/open-store';
import { certificates } from '../store/schema';
import type { StoredPayload } from './certificate-views';

export interface ServerCertificateDeps {
  readonly store: Store;
  /** The server's published key that signed `jwt`. */
  readonly issuerKey: (jwt: string) => Promise<JWK>;
  readonly now: () => number;
  /** The name to show when the credential does not carry one. */
  readonly fallbackName: () => string;
}

/** Saves a certificate the server issued; false (nothing saved) when its signature does not match the server's key. */
export async function saveServerCertificate(deps: ServerCertificateDeps, issued: IssuedCertificate): Promise<boolean> {
  const publicJwk = await deps.issuerKey(issued.jwt);
  const check = await verifyCredentialJwt(issued.jwt, publicJwk, deps.now());
  if (!check.valid) return false;
  const issuer = (check.credential?.issuer ?? {}) as { name?: string };
  const subject = (check.credential?.credentialSubject ?? {}) as { name?: string };
  const payload: StoredPayload = {
    publicJwk,
    learnerName: subject.name ?? deps.fallbackName(),
    issuerName: issuer.name ?? 'Dronacharya',
    courseTitle: issued.courseTitle,
  };
  const { courseId, tier } = issued;
  deps.store.transaction((tx) => {
    tx.insert(certificates)
      .values({ id: issued.id, tier, courseId, issuedAt: issued.issuedAt, jwt: issued.jwt, payload, verifyUrl: issued.verifyUrl, revokedAt: issued.revokedAt })
      .onConflictDoNothing()
      .run();
    // The server's evidence agreed: a self-issued certificate for this tier is now exchanged.
    tx.update(certificates)
      .set({ replacedBy: issued.id })
      .where(and(eq(certificates.issuedBy, 'self'), eq(certificates.courseId, courseId), eq(certificates.tier, tier), isNull(certificates.replacedBy)))
      .run();
  });
  return true;
}

/**
 * Brings the saved copies up to the server's list: each revocation copied, and each certificate
 * not saved here (issued on another computer of the account) saved. Returns the ids whose
 * signature did not match, which are left out.
 */
export async function syncServerCertificates(deps: ServerCertificateDeps, list: readonly IssuedCertificate[]): Promise<string[]> {
  const saved = new Map(
    deps.store.db
      .select({ id: certificates.id, revokedAt: certificates.revokedAt })
      .from(certificates)
      .where(eq(certificates.issuedBy, 'server'))
      .all()
      .map((row) => [row.id, row.revokedAt]),
  );
  const refused: string[] = [];
  for (const issued of list) {
    if (!saved.has(issued.id)) {
      if (!(await saveServerCertificate(deps, issued))) refused.push(issued.id);
    } else if (saved.get(issued.id) !== issued.revokedAt) {
      deps.store.db.update(certificates).set({ revokedAt: issued.revokedAt }).where(eq(certificates.id, issued.id)).run();
    }
  }
  return refused;
}
