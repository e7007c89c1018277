/**
 * A tiny node:http server with known behaviour for the driver tests: fixed delays, error
 * statuses, a route that never answers, a one-off stall, and a login/token check.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  readonly url: string;
  /** Requests seen per path (without query). */
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

export type Route = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const hits = new Map<string, number>();
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const route = routes[path] ?? routes[path.replace(/\/[^/]+$/, '/*')];
      if (route === undefined) return void res.writeHead(404).end();
      hanging.add(res);
      res.on('finish', () => hanging.delete(res));
      route(req, res, body);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export const delayed = (ms: number, status = 200): Route => (_req, res) => {
  setTimeout(() => res.writeHead(status).end('{}'), ms);
};

/** A port nothing listens on: bind, note the port, close. */
export async function deadPort(): Promise<string> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
