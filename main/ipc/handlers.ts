import type { z } from 'zod';
import type { CallName, CallOutput, Calls } from '../../preload/contract';
import type { EventBus } from './event-bus';

/** Who is calling: one window in Electron, one WebSocket connection in serve mode. */
export interface CallContext {
  readonly sessionId: string;
  readonly events: EventBus;
}

export type Handler<N extends CallName> = (input: z.output<Calls[N]['input']>, ctx: CallContext) => Promise<CallOutput<N>> | CallOutput<N>;

export type Handlers = { [N in CallName]: Handler<N> };
export type PartialHandlers = Partial<Handlers>;
