// The public verification page of a certificate this server issued: plain HTML, no login, no
// script. It shows the tier, the evidence and criteria the credential carries, the issuer, the
// status (valid, revoked, expired, or a signature that fails) and LinkedIn's "Add to profile".
import { sql, type Database } from './db/database';
import type { ServerKeys } from './keys';
import { verifyUrl, type CertificateRow, type Issuer } from './certificates';
import { verifyCredentialJwt } from '../common/sync-api/credential-verify';
import { credentialStatus, linkedInUrl, type CredentialStatus } from '../common/sync-api/achievement-credential';
import { criteriaNarrative, tierTitle } from '../common/rules/certificate-criteria';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Text someone else wrote (a learner's name, a course title, a revocation reason), isolated so
 * that bidi overrides in it, from names stored before they were refused, cannot reorder the page.
 */
const isolated = (text: string) => `<bdi dir="auto">${escape(text)}</bdi>`;
/** The same for <title>, which holds no markup: FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE. */
const isolatedPlain = (text: string) => `\u2068${text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '')}\u2069`;

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${escape(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}` +
  `.ok{color:#116329}.bad{color:#a40e26}dt{font-weight:600}dd{margin:0 0 .75rem}code{word-break:break-all;font-size:.8rem}` +
  `a.linkedin{display:inline-block;padding:.4rem .8rem;border-radius:4px;background:#0a66c2;color:#fff;text-decoration:none}</style></head><body>${body}</body></html>`;

const statusLabel: Record<CredentialStatus, string> = {
  valid: 'Valid',
  revoked: 'Revoked',
  expired: 'Expired',
  'self-issued': 'Self-issued',
  invalid: 'Signature does not hold',
};

export async function verificationPage(db: Database, keys: ServerKeys, issuer: Issuer, id: string, now: number): Promise<{ status: number; html: string }> {
  const [row] = /^[0-9a-f-]{36}$/.test(id) ? await db.query<CertificateRow>(sql`select * from certificates where id = ${id}`) : [];
  if (!row) {
    return {
      status: 404,
      html: page(
        'Certificate not found',
        `<h1>Certificate not found</h1><p>No certificate with id <code>${escape(id)}</code> was issued by ${escape(issuer.name)}.</p>`,
      ),
    };
  }
  const check = await verifyCredentialJwt(row.jwt, keys.credential.publicJwk, now);
  const credential = (check.credential ?? {}) as { credentialSubject?: { name?: string }; evidence?: { narrative?: string }[]; validUntil?: string };
  const revokedAt = row.revoked_at === null ? null : Number(row.revoked_at);
  const status = credentialStatus({ signatureValid: check.valid, revokedAt, validUntil: credential.validUntil, selfIssued: false, now });
  const tier = tierTitle(row.tier);
  const verdict = {
    valid: `<strong>Valid.</strong> The signature holds, the certificate has not expired and has not been revoked.`,
    revoked: `<strong>Revoked</strong> on ${new Date(revokedAt ?? 0).toUTCString()}${row.revoked_reason ? `: ${isolated(row.revoked_reason)}` : ''}.`,
    expired: `<strong>Expired</strong> on ${new Date(credential.validUntil ?? 0).toUTCString()}.`,
    'self-issued': `<strong>Self-issued.</strong>`,
    invalid: `<strong>Signature does not hold.</strong> This certificate cannot be trusted.`,
  }[status];
  const evidence = (credential.evidence ?? []).flatMap((e) => (e.narrative ?? '').split('\n')).filter(Boolean);
  const link = verifyUrl(issuer, row.id);
  const body =
    `<h1>${isolated(row.course_title)}: ${tier} certificate</h1><p class="${status === 'valid' ? 'ok' : 'bad'}" id="verdict">${verdict}</p><dl>` +
    `<dt>Status</dt><dd id="status">${statusLabel[status]}</dd>` +
    `<dt>Tier</dt><dd id="tier">${tier}</dd>` +
    `<dt>Earned by</dt><dd id="earner">${isolated(credential.credentialSubject?.name ?? 'unknown')}</dd>` +
    `<dt>Criteria</dt><dd>${escape(criteriaNarrative[row.tier])}</dd>` +
    `<dt>Evidence</dt><dd id="evidence"><ul>${evidence.map((line) => `<li>${isolated(line)}</li>`).join('')}</ul></dd>` +
    `<dt>Issuer</dt><dd id="issuer">${escape(issuer.name)} (<a href="${escape(issuer.baseUrl)}/issuer">${escape(issuer.baseUrl)}</a>), issued ${new Date(Number(row.issued_at)).toUTCString()}</dd>` +
    `<dt>Signature</dt><dd>${check.valid ? 'Ed25519 (EdDSA) signature verified with the key published at' : 'Failed against the key published at'} <a href="/.well-known/jwks.json">/.well-known/jwks.json</a></dd>` +
    `<dt>Credential id</dt><dd><code>urn:uuid:${escape(row.id)}</code></dd></dl>` +
    (status === 'valid'
      ? `<p><a class="linkedin" href="${escape(linkedInUrl(row.course_title, row.tier, issuer.name, Number(row.issued_at), link, row.id))}">Add to profile on LinkedIn</a></p>`
      : '') +
    `<p>This is an Open Badges 3.0 AchievementCredential. <a href="/v1/credentials/${escape(row.id)}">Download it as a VC-JWT</a>.</p>`;
  return { status: 200, html: page(`${isolatedPlain(row.course_title)}: ${tier} certificate`, body) };
}
