/**
 * HTTP errors and the API's error replies: `{ statusCode, error, message }`, never a stack
 * trace. Client errors (schema validation, bad JSON, 401/403/404/409) keep their message;
 * server errors are logged and answered with a generic message so no SQL or internals leak.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const unauthorized = (message: string) => new HttpError(401, message);
export const forbidden = (message: string) => new HttpError(403, message);
export const notFound = (message: string) => new HttpError(404, message);
export const conflict = (message: string) => new HttpError(409, message);
export const unprocessable = (message: string) => new HttpError(422, message);

export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
}

function body(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply) => {
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      if (status === 401) void reply.header('www-authenticate', 'Bearer');
      return reply.status(status).send(body(status, err.message));
    }
    request.log.error({ err }, 'request failed');
    return reply.status(500).send(body(500, 'internal server error'));
  });
  app.setNotFoundHandler((request, reply) => {
    return reply.status(404).send(body(404, `no route ${request.method} ${request.url.split('?')[0]}`));
  });
}
