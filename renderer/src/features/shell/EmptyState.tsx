import type { ReactNode } from 'react';

/** What a view shows when it has nothing yet: what it is for and what to do next. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <div className="muted">{children}</div>
    </section>
  );
}
