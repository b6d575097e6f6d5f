// Certificates: what each tier still needs per course; requesting one from the sync server or
// self-issuing one offline; the certificates saved (IssuedCard); and checking a credential
// someone pasted or dropped, offline (CheckCredential).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { create } from 'zustand';
import type { CertificatesOverview } from '../../../../preload/contract/certificates';
import { client } from '../../platform/client';
import { useRegisterCommands } from '../palette/command-registry';
import { EmptyState } from '../shell/EmptyState';
import { NeedsSyncServer } from '../settings/NeedsSyncServer';
import { useCall } from '../../platform/use-call';
import { messageOf } from '../../../../preload/contract';
import { ExamEntry } from '../exam/ExamEntry';
import { ProjectView } from '../project/ProjectView';
import { CheckCredential } from './CheckCredential';
import { IssuedCard, tierTitle } from './IssuedCard';
import './certificates.css';

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
            {c.selfIssued && ' (self-issued)'}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function CertificatesCanvas() {
  const { overview, error, load } = useOverview();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { data: sync } = useCall('sync.status', {});
  const commands = useMemo(() => [{ id: 'certificates.refresh', title: 'Refresh certificates', category: 'Certificates', run: () => void load() }], [load]);
  useRegisterCommands(commands);
  const reloadTiers = useCallback(() => void load(), [load]);
  const request = async (courseId: string, tier: 'bronze' | 'silver' | 'gold', how: 'certificates.request' | 'certificates.selfIssue') => {
    setBusy(`${courseId}:${tier}`);
    setMessage(null);
    try {
      const cert = await client().call(how, { courseId, tier });
      setMessage(`${tierTitle(cert.tier)} certificate ${cert.selfIssued ? 'self-issued' : 'issued'} for ${cert.courseTitle}.`);
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
        Bronze: every lesson complete and at least 70% on every quiz. Silver: plus the course&apos;s Silver exam passed with at least 80%. Gold: plus a project
        accepted in review. Your sync server (Settings → Sync) issues and signs certificates from the evidence it holds; with no server, this app can self-issue
        one, signed with its own key and marked self-issued.
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
                    overview.issued.some((c) => c.courseId === course.courseId && c.tier === t.tier && !c.selfIssued && c.revokedAt === null) ? (
                      <span className="muted">issued</span>
                    ) : (
                      <span className="certificate-actions">
                        <button
                          type="button"
                          className="button primary"
                          disabled={busy !== null}
                          onClick={() => void request(course.courseId, t.tier, 'certificates.request')}
                        >
                          {busy === `${course.courseId}:${t.tier}` ? 'Working…' : `Request ${tierTitle(t.tier)}`}
                        </button>
                        {!overview.issued.some((c) => c.courseId === course.courseId && c.tier === t.tier && c.selfIssued && c.replacedBy === null) && (
                          <button
                            type="button"
                            className="button"
                            disabled={busy !== null}
                            onClick={() => void request(course.courseId, t.tier, 'certificates.selfIssue')}
                          >
                            Self-issue {tierTitle(t.tier)}
                          </button>
                        )}
                      </span>
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
            <ExamEntry courseId={course.courseId} title={course.title} onServerPass={reloadTiers} />
            <ProjectView courseId={course.courseId} title={course.title} onChange={() => void load()} />
          </div>
        ))}
      </section>
      <CheckCredential />
    </div>
  );
}
