/**
 * Ask the OS for a free TCP port on localhost. Another process can grab it before we bind,
 * so callers that start servers on it (postgres.ts) retry with a new port on a bind failure.
 */
import { createServer } from 'node:net';

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('the OS returned no port'))));
    });
  });
}
