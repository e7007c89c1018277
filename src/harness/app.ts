/**
 * Build the Fastify instance: logging that never sees request bodies (passwords),
 * strict JSON-schema validation, the error replies, the timing hooks and the routes.
 * It does not listen; system.ts does, and tests may use app.inject().
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppDeps } from './deps.js';
import { installErrorHandlers } from './errors.js';
import { installInstrumentation } from './instrument.js';
import { interactionRoutes } from './routes/interactions.js';
import { itemRoutes } from './routes/items.js';
import { loginRoutes } from './routes/login.js';
import { statsRoutes } from './routes/stats.js';
import { userRoutes } from './routes/users.js';

export interface BuildOptions {
  /** Where log lines go (default stdout); tests capture them here. */
  readonly logStream?: { write(line: string): void };
}

function loggerOptions(level: string, stream: BuildOptions['logStream']) {
  if (level === 'silent') return false;
  return {
    level,
    ...(stream ? { stream } : {}),
    // Log method and URL only: request bodies carry passwords and must never reach a log.
    serializers: { req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, url: req.url }) },
    redact: { paths: ['password', '*.password', 'body', '*.body', 'req.headers.authorization'], censor: '[redacted]' },
  };
}

export async function buildApp(deps: AppDeps, build: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.options.logLevel, build.logStream),
    ajv: {
      // Fastify's default strips unknown properties silently; we reject them instead, so a
      // client sending e.g. {"password_hash": …} to PATCH gets a 400, not a quiet success.
      customOptions: { removeAdditional: false },
    },
  });
  installErrorHandlers(app);
  installInstrumentation(app, deps.stats);
  await app.register(userRoutes(deps));
  await app.register(loginRoutes(deps));
  await app.register(interactionRoutes(deps));
  await app.register(itemRoutes(deps));
  await app.register(statsRoutes(deps));
  return app;
}
