// What the learner starts with a button: busy while it runs, its failure kept as a message to
// show, its result handed back (undefined when it failed). The one way views run actions.
import { useCallback, useState } from 'react';
import { messageOf } from '../../../preload/contract';

export interface ActionState {
  readonly busy: boolean;
  /** Why the last action failed; cleared when the next one starts. */
  readonly error: string | null;
  setError(error: string | null): void;
  act<T>(action: () => Promise<T>): Promise<T | undefined>;
}

export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (caught) {
      setError(messageOf(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, act };
}
