/** "3/5": how many of a course's or module's lessons are done, in the muted side text of a row. */
export function DoneCount({ done, total, className }: { done: number; total: number; className?: string }) {
  return (
    <span className={className ? `muted ${className}` : 'muted'}>
      {done}/{total}
    </span>
  );
}
