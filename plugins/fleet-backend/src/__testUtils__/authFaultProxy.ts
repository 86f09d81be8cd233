import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { forwardRequest } from './forwardRequest';

/**
 * A forwarding proxy in front of a simulated cluster that can answer every
 * request with 401 or 403 (as an API server does when a token is revoked or
 * a role binding removed) until switched back; switching cuts open watches.
 */
export async function startAuthFaultProxy(target: string) {
  const url = new URL(target);
  let mode: 'pass' | 401 | 403 = 'pass';
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    if (mode !== 'pass') {
      const reason = mode === 401 ? 'Unauthorized' : 'Forbidden';
      res.writeHead(mode, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          message:
            mode === 401
              ? 'Unauthorized'
              : `pods is forbidden: User "reader" cannot list resource "pods"`,
          reason,
          code: mode,
        }),
      );
      return;
    }
    forwardRequest(url, req, res);
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set(next: 'pass' | 401 | 403) {
      mode = next;
      for (const socket of sockets) socket.destroy();
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise(resolve => server.close(resolve));
    },
  };
}
