// Starts a test server on 127.0.0.1 and closes it without waiting for keep-alive or half-open
// connections: what both provider test servers need.
import type http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LocalListener {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function listenLocally(server: http.Server, port = 0): Promise<LocalListener> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive and half-open connections must not hold the close open.
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}
