import type { DronaClient } from '../../../preload/client';

let current: DronaClient | null = null;

/** Set once at start-up (main.tsx); every feature calls main through this. */
export function setClient(client: DronaClient): void {
  current = client;
}

export function client(): DronaClient {
  if (!current) throw new Error('The Dronacharya client is used before start-up set it.');
  return current;
}
