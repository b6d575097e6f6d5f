// One saved certificate: tier, learner, issuer, status (a self-issued one says so), the evidence
// and criteria it carries, and its actions: verify offline, the PDF, the credential file, the
// verification page and LinkedIn's "Add to profile".
import { useState } from 'react';
import type { IssuedCertificateView } from '../../../../preload/contract/certificates';
import { messageOf } from '../../../../preload/contract';
import { client } from '../../platform/client';
import { offerDownload } from '../../platform/download';
import { EvidenceList } from './EvidenceList';

export const tierTitle = (tier: string) => tier.charAt(0).toUpperCase() + tier.slice(1);

export const statusLabel = {
  valid: 'Valid',
  revoked: 'Revoked',
  expired: 'Expired',
  'self-issued': 'Self-issued',
  invalid: 'Signature does not hold',
} as const;

export function IssuedCard({ cert }: { cert: IssuedCertificateView }) {
  const [note, setNote] = useState<string | null>(null);
  const act = (run: () => Promise<string>) => () =>
    void run().then(setNote, (e: unknown) => {
      setNote(messageOf(e));
    });
  const verify = act(async () => {
    const result = await client().call('certificates.verify', { id: cert.id });
    return `${statusLabel[result.status]}. ${result.detail}`;
  });
  const exportPdf = act(async () => {
    const pdf = await client().call('certificates.exportPdf', { id: cert.id });
    offerDownload(new Blob([Uint8Array.from(atob(pdf.base64), (ch) => ch.charCodeAt(0))], { type: 'application/pdf' }), pdf.fileName);
    return `Saved ${pdf.fileName}.`;
  });
  const exportCredential = act(async () => {
    const file = await client().call('certificates.exportCredential', { id: cert.id });
    offerDownload(new Blob([file.json], { type: 'application/json' }), file.fileName);
    return `Saved ${file.fileName}: anyone can check it in Dronacharya (Certificates → Check a credential).`;
  });
  const copy = act(async () => {
    try {
      await navigator.clipboard.writeText(cert.verifyUrl!);
      return 'Verification link copied.';
    } catch {
      // The clipboard needs permission some browsers withhold: show the link to copy by hand.
      return `Copy this link: ${cert.verifyUrl}`;
    }
  });
  const label = `${cert.courseTitle} ${tierTitle(cert.tier)} certificate${cert.selfIssued ? ' (self-issued)' : ''}`;
  return (
    <article id={`certificate-${cert.id}`} className={`certificate-card tier-${cert.tier}`} aria-label={label}>
      <h3>
        <bdi>{cert.courseTitle}</bdi>: {tierTitle(cert.tier)}
        {cert.selfIssued && <span className="certificate-badge self-issued">Self-issued</span>}
      </h3>
      <p className="muted">
        {/* Names and titles come from other people: isolated, a direction override in one cannot reorder the line. */}
        Earned by <bdi>{cert.learnerName}</bdi> on {new Date(cert.issuedAt).toLocaleDateString()} · issued by <bdi>{cert.issuerName}</bdi>
        {cert.revokedAt !== null && <strong> · revoked</strong>}
      </p>
      {cert.selfIssued && (
        <p className="certificate-self-note">
          {cert.replacedBy
            ? 'Exchanged for a server-issued certificate after the sync server checked the same evidence.'
            : "Signed by this app's own key from the progress on this device; no server has checked it. When you sync, it is exchanged for a server-issued one if the server's evidence agrees."}
        </p>
      )}
      <details className="certificate-evidence">
        <summary>Evidence and criteria</summary>
        <EvidenceList lines={cert.evidence} />
        <p>
          <strong>Criteria:</strong> {cert.criteria}
        </p>
      </details>
      <div className="certificate-actions">
        <button type="button" className="button" onClick={verify}>
          Verify signature
        </button>
        <button type="button" className="button" onClick={exportPdf}>
          Export PDF
        </button>
        <button type="button" className="button" onClick={exportCredential}>
          Save credential file
        </button>
        {cert.verifyUrl && (
          <>
            <button type="button" className="button" onClick={copy}>
              Copy link
            </button>
            <a className="button" href={cert.verifyUrl} target="_blank" rel="noreferrer">
              Open verification page
            </a>
          </>
        )}
        <a className="button" href={cert.linkedInUrl} target="_blank" rel="noreferrer">
          Add to LinkedIn profile
        </a>
      </div>
      {note && (
        <p role="status" className="certificate-note">
          {note}
        </p>
      )}
    </article>
  );
}
