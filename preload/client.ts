// The one typed client the renderer uses, whatever carries it (Electron IPC or the serve
// mode WebSocket). Both transports implement this interface.
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from './contract';

export interface DronaClient {
  readonly transport: 'electron' | 'serve';
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** What the preload bridge puts on `window.drona`: untyped plain functions (contextBridge copies values). */
export interface DronaBridge {
  call(name: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
  on(listener: (name: string, payload: unknown) => void): () => void;
}

export const IPC_CALL_CHANNEL = 'drona:call';
export const IPC_EVENT_CHANNEL = 'drona:event';
