// Picks the transport at start-up: Electron's preload bridge when present, else the
// serve-mode WebSocket. Both give the same typed DronaClient.
import type { DronaBridge, DronaClient } from '../../../preload/client';
import { callErrorSchema, DronaError, type CallName, type EventName } from '../../../preload/contract';
import { MAX_MESSAGE_BYTES, SERVE_TOKEN_STORAGE_KEY, type ServerMessage } from '../../../preload/wire';
import { utf8Bytes } from '../../../preload/contract/workspace-limits';

type Listener = (payload: unknown) => void;

function listenerTable() {
  const table = new Map<string, Set<Listener>>();
  return {
    add(name: string, listener: Listener) {
      const set = table.get(name) ?? new Set();
      set.add(listener);
      table.set(name, set);
      return () => void set.delete(listener);
    },
    fire(name: string, payload: unknown) {
      for (const listener of table.get(name) ?? []) listener(payload);
    },
  };
}

function toError(raw: unknown): DronaError {
  const shape = callErrorSchema.safeParse(raw);
  return shape.success ? DronaError.fromShape(shape.data) : new DronaError('internal', 'Unexpected error shape');
}

function electronClient(bridge: DronaBridge): DronaClient {
  const listeners = listenerTable();
  bridge.on((name, payload) => listeners.fire(name, payload));
  return {
    transport: 'electron',
    call: async (name, input) => {
      const result = await bridge.call(name, input);
      if (result.ok) return result.value as never;
      throw toError(result.error);
    },
    on: (name, listener) => listeners.add(name, listener as Listener),
  };
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** The serve-mode client: `url` is the socket's, with the token. */
export function webSocketClient(url: string, onState: (state: ConnectionState) => void = () => {}): DronaClient {
  const listeners = listenerTable();
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => {
      onState('open');
      resolve();
    });
    socket.addEventListener('error', () =>
      reject(
        new DronaError('disconnected', 'Cannot reach Dronacharya. If it is running, open the link that `drona serve` printed (it carries the access token).'),
      ),
    );
  });
  onState('connecting');
  socket.addEventListener('close', () => {
    onState('closed');
    for (const { reject } of pending.values()) {
      reject(new DronaError('disconnected', 'The connection to Dronacharya was closed. Restart it and reopen the link.'));
    }
    pending.clear();
  });
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as ServerMessage;
    if (message.t === 'result') {
      const entry = pending.get(message.id);
      pending.delete(message.id);
      if (!entry) return;
      if (message.ok) entry.resolve(message.value);
      else entry.reject(toError(message.error));
    } else if (message.t === 'event') {
      listeners.fire(message.name, message.payload);
    }
  });
  return {
    transport: 'serve',
    call: async (name: CallName, input: unknown) => {
      await opened;
      const id = nextId++;
      const message = JSON.stringify({ t: 'call', id, name, input });
      // The server closes a socket that sends more (1009), which would end every terminal and
      // run of this window: refuse the one call instead.
      if (utf8Bytes(message) > MAX_MESSAGE_BYTES) {
        throw new DronaError('invalid_input', `That is too much to send to Dronacharya at once (over ${MAX_MESSAGE_BYTES / 1024 / 1024} MB).`);
      }
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        socket.send(message);
      }) as never;
    },
    on: (name: EventName, listener) => listeners.add(name, listener as Listener),
  };
}

declare global {
  interface Window {
    drona?: DronaBridge;
  }
}

export function createClient(onState?: (state: ConnectionState) => void): DronaClient {
  if (window.drona) {
    onState?.('open');
    return electronClient(window.drona);
  }
  const params = new URLSearchParams(window.location.search);
  const fromLink = params.get('token');
  if (fromLink) {
    // The socket needs the token on every connect (the cookie only opens the page's files, as
    // every local port receives it): keep it in this origin's storage, which is per port, and
    // out of the address bar and history.
    window.localStorage.setItem(SERVE_TOKEN_STORAGE_KEY, fromLink);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
  }
  const token = fromLink ?? window.localStorage.getItem(SERVE_TOKEN_STORAGE_KEY);
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${window.location.host}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  return webSocketClient(url, onState);
}
