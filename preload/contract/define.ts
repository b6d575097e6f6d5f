// The building blocks of the renderer↔main contract. Pure: imports only zod, so the
// renderer, the preload bridge and main can all share it.
import type { z } from 'zod';

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
}

export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CallSpec<I, O> => ({
  input,
  output,
});

export const event = <P extends z.ZodType>(payload: P): EventSpec<P> => ({ payload });
