import type { EventName, EventPayload } from '../../preload/contract';

export type EventListener = (name: EventName, payload: unknown, sessionId: string | null) => void;

/**
 * Services emit events here; each transport forwards them to its renderers. An event with
 * a sessionId goes only to that session (a terminal's output, a run's stream).
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>, sessionId: string | null = null): void {
    for (const listener of this.listeners) listener(name, payload, sessionId);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private readonly sessionEndListeners = new Set<(sessionId: string) => void>();

  /** Services that hold per-session resources (terminals, runs) release them here. */
  onSessionEnd(listener: (sessionId: string) => void): () => void {
    this.sessionEndListeners.add(listener);
    return () => this.sessionEndListeners.delete(listener);
  }

  endSession(sessionId: string): void {
    for (const listener of this.sessionEndListeners) listener(sessionId);
  }
}
