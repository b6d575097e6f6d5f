// Where the organisation shows in the window: the top bar's brand, the status bar, About in
// Settings, and the lock beside each setting it manages.
import { Lock } from 'lucide-react';
import type { ReactNode } from 'react';
import type { LockableSetting } from '../../../../preload/contract/organisation';
import { useLockedBy, useOrganisation } from './organisation-store';
import './organisation.css';

export function Brand() {
  const view = useOrganisation((state) => state.view);
  if (!view) {
    return (
      <div className="brand">
        <img src="/icon.svg" alt="" width={18} height={18} /> Dronacharya
      </div>
    );
  }
  return (
    <div className="brand" data-testid="org-brand">
      {view.logo ? <img src={view.logo} alt="" width={18} height={18} /> : <img src="/icon.svg" alt="" width={18} height={18} />} {view.name}
      <span className="brand-product muted">Dronacharya</span>
    </div>
  );
}

export function OrganisationStatusItem() {
  const name = useOrganisation((state) => state.view?.name);
  return name ? <span title={`This app is set up by ${name}`}>{name}</span> : null;
}

export function OrganisationAbout() {
  const view = useOrganisation((state) => state.view);
  if (!view) return null;
  return (
    <div className="org-about">
      <p>
        Set up by <strong>{view.name}</strong>
        {view.certificateIssuer && (
          <>
            {' '}
            · certificates issued by <strong>{view.certificateIssuer}</strong>
          </>
        )}
        {view.syncServer && (
          <>
            {' '}
            · sync server <code>{view.syncServer}</code>
          </>
        )}
      </p>
      {view.accent?.adjusted && (
        <p className="muted">The accent colour {view.accent.requested} was adjusted where needed so text on it stays readable (WCAG AA).</p>
      )}
      {view.locked.length > 0 && (
        <p className="muted">
          Managed by {view.name}: {view.locked.join(', ')}.
        </p>
      )}
      {view.problems.map((problem) => (
        <p key={problem} className="form-error">
          {problem}
        </p>
      ))}
    </div>
  );
}

export function LockNote({ setting }: { setting: LockableSetting }) {
  const by = useLockedBy(setting);
  if (!by) return null;
  return (
    <p className="lock-note">
      <Lock size={14} aria-hidden="true" /> Managed by {by}; you cannot change this here.
    </p>
  );
}

/** A settings section the organisation may lock: its note above, every control inside disabled. */
export function LockableSection({ setting, children }: { setting: LockableSetting; children: ReactNode }) {
  const by = useLockedBy(setting);
  if (!by) return <>{children}</>;
  return (
    <fieldset className="locked-section" disabled>
      <legend className="lock-note">
        <Lock size={14} aria-hidden="true" /> Managed by {by}; you cannot change this here.
      </legend>
      {children}
    </fieldset>
  );
}
