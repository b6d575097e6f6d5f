// A view that needs a sync server, shown while none is set: what it needs, the one action that
// provides it (Settings, at the server's field), and what works on this computer meanwhile.
import { Server } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { openSettingsAt } from './settings-focus';

export function NeedsSyncServer({ title, why, offline }: { title: string; why: ReactNode; offline: ReactNode }) {
  const heading = useId();
  return (
    <section className="empty-state needs-server" aria-labelledby={heading}>
      <h2 id={heading}>{title}</h2>
      <p>{why}</p>
      <button type="button" className="button primary" onClick={() => openSettingsAt('sync-server')}>
        <Server size={14} aria-hidden="true" /> Set a sync server
      </button>
      <p className="muted">
        <strong>Works offline:</strong> {offline}
      </p>
    </section>
  );
}
