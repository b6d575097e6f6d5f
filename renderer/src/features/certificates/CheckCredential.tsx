// Checks a credential with no network: paste it or drop its file (the JSON the app saves, or a
// VC-JWT). A self-issued one is checked against the key it names and shown as self-issued; a
// server-issued one against an issuer key this app saved.
import { useId, useRef, useState, type DragEvent } from 'react';
import type { CredentialCheckView } from '../../../../preload/contract/certificates';
import { messageOf } from '../../../../preload/contract';
import { client } from '../../platform/client';
import { statusLabel, tierTitle } from './IssuedCard';
import { EvidenceList } from './EvidenceList';

export function CheckCredential() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<CredentialCheckView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const check = async (value: string) => {
    setError(null);
    setResult(null);
    try {
      setResult(await client().call('certificates.verifyCredential', { text: value }));
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const read = async (file: File | undefined) => {
    if (!file) return;
    const value = await file.text();
    setText(value);
    await check(value);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void read(event.dataTransfer.files[0]);
  };
  const claims = result?.credential;
  return (
    <section aria-labelledby="check-title" className="certificate-check" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <h2 id="check-title">Check a credential</h2>
      <p className="muted">Paste a credential or drop its file here. The check runs on this computer, with no network.</p>
      <label htmlFor={input}>Credential (JSON file contents or VC-JWT)</label>
      <textarea id={input} rows={4} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      <div className="certificate-actions">
        <button type="button" className="button primary" disabled={!text.trim()} onClick={() => void check(text)}>
          Check credential
        </button>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          Open a credential file…
        </button>
        <input ref={fileInput} type="file" accept=".json,.jwt,application/json" hidden onChange={(e) => void read(e.target.files?.[0])} />
      </div>
      {error && <p role="alert">{error}</p>}
      {result && (
        <div role="status" className={`certificate-check-result status-${result.status}`}>
          <p>
            <strong id="credential-status">{statusLabel[result.status]}.</strong> {result.detail}
          </p>
          {claims && (
            <dl>
              <dt>Credential</dt>
              <dd>
                <bdi>{claims.name}</bdi>
              </dd>
              <dt>Tier</dt>
              <dd>{claims.tier ? tierTitle(claims.tier) : 'unknown'}</dd>
              <dt>Earned by</dt>
              <dd>
                <bdi>{claims.learnerName}</bdi>
              </dd>
              <dt>Issuer</dt>
              <dd>
                <bdi>{claims.issuerName}</bdi>
                {claims.selfIssued && ' (self-issued: no server checked the evidence)'}
              </dd>
              <dt>Issued</dt>
              <dd>{claims.issuedAt ? new Date(claims.issuedAt).toLocaleString() : 'unknown'}</dd>
              <dt>Criteria</dt>
              <dd>{claims.criteria}</dd>
              <dt>Evidence</dt>
              <dd>
                <EvidenceList lines={claims.evidence} />
              </dd>
            </dl>
          )}
        </div>
      )}
    </section>
  );
}
