// Certificates: what each tier still needs per course, the certificates issued by the sync
// server, their PDF (with a QR code to the public verification page), the link, LinkedIn's
// "Add to profile", and a signature check that works offline.
import { useEffect, useMemo, useState } from 'react';
import { create } from 'zustand';
import type { CertificatesOverview, IssuedCertificateView } from '../../../../preload/contract/certificates';
import { client } from '../../platform/client';
import { useRegisterCommands } from '../palette/command-registry';
import { EmptyState } from '../shell/EmptyState';
import { NeedsSyncServer } from '../settings/NeedsSyncServer';
import { useCall } from '../../platform/use-call';
import { messageOf } from '../../../../preload/contract';
import './certificates.css';

const tierTitle = (tier: string) => tier.charAt(0).toUpperCase() + tier.slice(1);

/** Shared by the side panel and the canvas, so a new certificate shows in both. */
const useCertificates = create<{ overview: CertificatesOverview | null; error: string | null; load(): Promise<void> }>((set) => ({
  overview: null,
  error: null,
  async load() {
    try {
      set({ overview: await client().call('certificates.overview', {}), error: null });
    } catch (e) {
      set({ error: messageOf(e) });
    }
  },
}));

function useOverview() {
  const state = useCertificates();
  useEffect(() => {
    void useCertificates.getState().load();
  }, []);
  return state;
}

export function CertificatesSide() {
  const { overview } = useOverview();
  if (!overview || overview.issued.length === 0) {
    return (
      <EmptyState title="Certificates">
        <p>Certificates you earn for finished courses appear here.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="side-list certificate-side" aria-label="Issued certificates">
      {overview.issued.map((c) => (
        <li key={c.id}>
          <a href={`#certificate-${c.id}`}>
            <bdi>{c.courseTitle}</bdi>: {tierTitle(c.tier)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function download(fileName: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function IssuedCard({ cert }: { cert: IssuedCertificateView }) {
  const [note, setNote] = useState<string | null>(null);
  const verify = async () => {
    const result = await client().call('certificates.verify', { id: cert.id });
    setNote(`${result.valid ? (result.revoked ? 'Signature valid, but revoked.' : 'Signature valid.') : 'Signature does NOT hold.'} ${result.detail}`);
  };
  const exportPdf = async () => {
    try {
      const pdf = await client().call('certificates.exportPdf', { id: cert.id });
      download(pdf.fileName, pdf.base64);
      setNote(`Saved ${pdf.fileName}.`);
    } catch (e) {
      setNote(messageOf(e));
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(cert.verifyUrl);
      setNote('Verification link copied.');
    } catch {
      setNote(`Copy this link: ${cert.verifyUrl}`);
    }
  };
  return (
    <article
      id={`certificate-${cert.id}`}
      className={`certificate-card tier-${cert.tier}`}
      aria-label={`${cert.courseTitle} ${tierTitle(cert.tier)} certificate`}
    >
      <h3>
        <bdi>{cert.courseTitle}</bdi>: {tierTitle(cert.tier)}
      </h3>
      <p className="muted">
        {/* Names and titles come from other people: isolated, a direction override in one cannot reorder the line. */}
        Earned by <bdi>{cert.learnerName}</bdi> on {new Date(cert.issuedAt).toLocaleDateString()} · issued by <bdi>{cert.issuerName}</bdi>
        {cert.revokedAt !== null && <strong> · revoked</strong>}
      </p>
      <div className="certificate-actions">
        <button type="button" className="button" onClick={() => void verify()}>
          Verify signature
        </button>
        <button type="button" className="button" onClick={() => void exportPdf()}>
          Export PDF
        </button>
        <button type="button" className="button" onClick={() => void copy()}>
          Copy link
        </button>
        <a className="button" href={cert.verifyUrl} target="_blank" rel="noreferrer">
          Open verification page
        </a>
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

export function CertificatesCanvas() {
  const { overview, error, load } = useOverview();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { data: sync } = useCall('sync.status', {});
  const commands = useMemo(() => [{ id: 'certificates.refresh', title: 'Refresh certificates', category: 'Certificates', run: () => void load() }], [load]);
  useRegisterCommands(commands);
  const request = async (courseId: string, tier: 'bronze' | 'silver' | 'gold') => {
    setBusy(`${courseId}:${tier}`);
    setMessage(null);
    try {
      const cert = await client().call('certificates.request', { courseId, tier });
      setMessage(`${tierTitle(cert.tier)} certificate issued for ${cert.courseTitle}.`);
      await load();
    } catch (e) {
      setMessage(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  if (error) return <p className="panel-pad">Certificates could not be loaded: {error}</p>;
  if (!overview) return null;
  return (
    <div className="certificates panel-pad">
      <h1>Certificates</h1>
      <p className="muted">
        Bronze: every lesson complete. Silver: plus every challenge passed and at least 80% on every quiz. Gold: plus every project passed and at least 95% on
        every quiz. Certificates are issued and signed by your sync server (Settings → Sync).
      </p>
      {sync !== null && !sync.serverUrl && (
        <NeedsSyncServer
          title="Issuing a certificate needs a sync server"
          why="The server checks your record and signs the certificate, so anyone can verify it."
          offline="this page tracks what each certificate still needs, and certificates you already hold verify their signature without a connection."
        />
      )}
      {message && <p role="status">{message}</p>}
      <section aria-labelledby="issued-title">
        <h2 id="issued-title">Issued</h2>
        {overview.issued.length === 0 ? <p className="muted">No certificates yet.</p> : overview.issued.map((c) => <IssuedCard key={c.id} cert={c} />)}
      </section>
      <section aria-labelledby="eligibility-title">
        <h2 id="eligibility-title">Your courses</h2>
        {overview.courses.length === 0 && <p className="muted">Complete a lesson to see what each certificate needs.</p>}
        {overview.courses.map((course) => (
          <div key={course.courseId} className="certificate-course">
            <h3>{course.title}</h3>
            <ul className="certificate-tiers">
              {course.tiers.map((t) => (
                <li key={t.tier} className={`tier-${t.tier}`}>
                  <strong>{tierTitle(t.tier)}</strong>{' '}
                  {t.eligible ? (
                    overview.issued.some((c) => c.courseId === course.courseId && c.tier === t.tier && c.revokedAt === null) ? (
                      <span className="muted">issued</span>
                    ) : (
                      <button type="button" className="button primary" disabled={busy !== null} onClick={() => void request(course.courseId, t.tier)}>
                        {busy === `${course.courseId}:${t.tier}` ? 'Requesting…' : `Request ${tierTitle(t.tier)}`}
                      </button>
                    )
                  ) : (
                    <details>
                      <summary>{t.missing.length} to go</summary>
                      <ul>
                        {t.missing.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}
