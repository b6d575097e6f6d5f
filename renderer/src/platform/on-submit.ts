// A form's submit, the one way views handle it: the page stays (no navigation), then `run` runs.
// A promise `run` returns is not awaited: actions report their own failures (see use-action).
import type { FormEvent } from 'react';

export const onSubmitRun =
  (run: () => unknown) =>
  (event: FormEvent): void => {
    event.preventDefault();
    void run();
  };
