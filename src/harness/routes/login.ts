/**
 * POST /login: check the password (scrypt, constant-time compare) and open a session.
 * An unknown email is checked against a dummy hash so that both failures cost the same
 * and answer the same 401: response time does not reveal which emails are registered.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';
import { unauthorized } from '../errors.js';
import { dummyHash, verifyPassword } from '../passwords.js';
import { emailField, errorSchema, normalizeEmail } from './schemas.js';

interface LoginBody { email: string; password: string }

const loginSchema = {
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['email', 'password'],
    properties: { email: emailField, password: { type: 'string', minLength: 1, maxLength: 256 } },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        token: { type: 'string' }, token_type: { type: 'string' },
        user_id: { type: 'integer' }, expires_in: { type: 'integer' },
      },
    },
    '4xx': errorSchema,
  },
} as const;

export function loginRoutes(deps: AppDeps) {
  const { db, sessions, options } = deps;
  const decoy = dummyHash(options.scrypt);

  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: LoginBody }>('/login', { schema: loginSchema }, async (request) => {
      const t = request.timing;
      const res = await db.query<{ id: number; password_hash: string }>(
        t,
        'SELECT id, password_hash FROM users WHERE email = $1',
        [normalizeEmail(request.body.email)],
      );
      const user = res.rows[0];
      const valid = t.cpuWork(() => verifyPassword(request.body.password, user?.password_hash ?? decoy));
      if (!user || !valid) throw unauthorized('invalid email or password');
      const token = await sessions.create(t, user.id);
      return { token, token_type: 'Bearer', user_id: user.id, expires_in: options.sessionTtlSeconds };
    });
  };
}
