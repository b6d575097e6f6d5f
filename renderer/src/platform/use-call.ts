// Asks main for something when a component mounts, and again when the input or another
// dependency changes (a revision, a setting): the one way views load what they show.
import { useCallback, useEffect, useState } from 'react';
import { messageOf, type CallInput, type CallName, type CallOutput } from '../../../preload/contract';
import { client } from './client';

/** What makes a call run again besides its input: revisions, ids and flags, compared by value. */
export type CallDependency = string | number | boolean | null | undefined;

export interface UseCallOptions {
  /** While the answer for a new input is on its way, keep showing the last answer (search results, a diff). */
  readonly keepPrevious?: boolean;
}

export interface CallState<N extends CallName> {
  /** The answer for the current input; kept while the same input is asked again; null while none has come, or when there is no input. */
  readonly data: CallOutput<N> | null;
  /** Why the last call for the current input failed (cleared when one succeeds). */
  readonly error: string | null;
  /** A call for the current input and dependencies has not answered yet. */
  readonly loading: boolean;
  /** Asks again with the same input (an event said the answer changed). */
  reload(): void;
  /** Takes an answer another call returned (the new status after signing in...) as the current one. */
  setData(data: CallOutput<N>): void;
}

interface Settled<N extends CallName> {
  /** The request (input, dependencies, reloads) this answer belongs to. */
  readonly request: string;
  /** The input it answers. */
  readonly key: string;
  readonly data: CallOutput<N> | null;
  readonly error: string | null;
}

/**
 * Calls `name` with `input` (none while `input` is null) on mount, whenever the input's value or
 * `deps` change, and on `reload()`. Only the newest request's answer is kept: one that arrives
 * after an unmount or a newer request is dropped.
 */
export function useCall<N extends CallName>(
  name: N,
  input: CallInput<N> | null,
  deps: readonly CallDependency[] = [],
  options: UseCallOptions = {},
): CallState<N> {
  const [reloads, setReloads] = useState(0);
  const [settled, setSettled] = useState<Settled<N> | null>(null);
  // Compared by value, so callers may pass a fresh object literal on every render. Inputs are
  // JSON already: serve mode sends them as JSON, so the round trip below changes nothing.
  const key = input === null ? null : JSON.stringify([name, input]);
  const request = key === null ? null : JSON.stringify([key, deps, reloads]);

  useEffect(() => {
    if (request === null) return;
    const [callKey] = JSON.parse(request) as [string];
    const [callName, callInput] = JSON.parse(callKey) as [N, CallInput<N>];
    let live = true;
    client()
      .call(callName, callInput)
      .then(
        (data) => live && setSettled({ request, key: callKey, data, error: null }),
        (error: unknown) => live && setSettled((last) => ({ request, key: callKey, data: last?.key === callKey ? last.data : null, error: messageOf(error) })),
      );
    return () => {
      live = false;
    };
  }, [request]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  const setData = useCallback(
    (data: CallOutput<N>) => {
      if (key !== null && request !== null) setSettled({ request, key, data, error: null });
    },
    [key, request],
  );

  const current = settled !== null && settled.key === key;
  const shown = current || (options.keepPrevious === true && key !== null);
  return {
    data: shown ? (settled?.data ?? null) : null,
    error: current ? settled.error : null,
    loading: request !== null && settled?.request !== request,
    reload,
    setData,
  };
}
