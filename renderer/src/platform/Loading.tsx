import { Suspense, type ReactNode } from 'react';

/** A lazily loaded part of the window, with a polite "Loading …" while its code arrives. */
export function Loading({ what, children }: { what: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="muted panel-pad" role="status">
          Loading {what}…
        </div>
      }
    >
      {children}
    </Suspense>
  );
}
