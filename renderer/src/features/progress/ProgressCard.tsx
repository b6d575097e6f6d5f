// One card of the Progress view and the weekly digest: a section named by its heading.
import type { ReactNode } from 'react';

export function ProgressCard({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section className="progress-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
