// One card of the Progress view and the weekly digest: a section named by its heading. While its
// data is on its way it says so, and is marked busy for assistive technology.
import type { ReactNode } from 'react';

export function ProgressCard({ id, title, children, loading }: { id: string; title: ReactNode; children?: ReactNode; loading?: string }) {
  return (
    <section className="progress-card" aria-labelledby={id} aria-busy={loading ? true : undefined}>
      <h2 id={id}>{title}</h2>
      {loading ? <p className="muted">{loading}</p> : children}
    </section>
  );
}
