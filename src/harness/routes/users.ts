/**
 * /users: register (CPU-heavy scrypt hash + insert), read one (cache-aside), list a page
 * (ordered by the primary key), and update one's own profile (authenticated; invalidates
 * the cached copy).
 */
import type { FastifyInstance } from 'fastify';
import { authenticate } from '../auth.js';
import { cacheAside, invalidate } from '../cache.js';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../db.js';
import type { AppDeps } from '../deps.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { hashPassword } from '../passwords.js';
import type { RequestTiming } from '../timing.js';
import {
  emailField, errorSchema, idParams, nameField, normalizeEmail, USER_COLUMNS, userSchema, type UserRow,
} from './schemas.js';

interface RegisterBody { email: string; password: string; name: string }
interface PatchBody { email?: string; name?: string }
interface IdParams { id: number }
interface ListQuery { page: number; per_page: number }

export const MAX_PER_PAGE = 100;

const registerSchema = {
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['email', 'password', 'name'],
    properties: { email: emailField, password: { type: 'string', minLength: 8, maxLength: 256 }, name: nameField },
  },
  response: { 201: userSchema, '4xx': errorSchema },
} as const;

const listSchema = {
  querystring: {
    type: 'object',
    properties: {
      page: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
      per_page: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: 20 },
    },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        page: { type: 'integer' }, per_page: { type: 'integer' }, has_more: { type: 'boolean' },
        users: { type: 'array', items: userSchema },
      },
    },
    '4xx': errorSchema,
  },
} as const;

const patchSchema = {
  params: idParams,
  body: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: { email: emailField, name: nameField },
  },
  response: { 200: userSchema, '4xx': errorSchema },
} as const;

export const userCacheKey = (id: number): string => `user:${id}`;

export function userRoutes(deps: AppDeps) {
  const { db, cache, options } = deps;

  async function loadUser(t: RequestTiming, id: number): Promise<UserRow | undefined> {
    const res = await db.query<UserRow>(t, `SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return res.rows[0];
  }

  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: RegisterBody }>('/users', { schema: registerSchema }, async (request, reply) => {
      const t = request.timing;
      const { password, name } = request.body;
      const email = normalizeEmail(request.body.email);
      const hash = t.cpuWork(() => hashPassword(password, options.scrypt));
      const res = await db.query<UserRow>(
        t,
        `INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3)
         ON CONFLICT (email) DO NOTHING RETURNING ${USER_COLUMNS}`,
        [email, name, hash],
      );
      const user = res.rows[0];
      if (!user) throw conflict(`email ${email} is already registered`);
      return reply.code(201).header('location', `/users/${user.id}`).send(user);
    });

    app.get<{ Params: IdParams }>('/users/:id', { schema: { params: idParams, response: { 200: userSchema, '4xx': errorSchema } } }, async (request) => {
      const { id } = request.params;
      const user = await cacheAside(cache, request.timing, userCacheKey(id), options.cache.ttlMs, () => loadUser(request.timing, id));
      if (!user) throw notFound(`user ${id} not found`);
      return user;
    });

    app.get<{ Querystring: ListQuery }>('/users', { schema: listSchema }, async (request) => {
      const { page, per_page } = request.query;
      // One extra row tells whether another page exists, without a COUNT(*) over the table.
      const res = await db.query<UserRow>(
        request.timing,
        `SELECT ${USER_COLUMNS} FROM users ORDER BY id LIMIT $1 OFFSET $2`,
        [per_page + 1, (page - 1) * per_page],
      );
      const users = res.rows.slice(0, per_page);
      return { page, per_page, has_more: res.rows.length > per_page, users };
    });

    app.patch<{ Params: IdParams; Body: PatchBody }>(
      '/users/:id',
      { schema: patchSchema, onRequest: authenticate(deps.sessions) },
      async (request) => {
        const t = request.timing;
        const { id } = request.params;
        if (request.userId !== id) throw forbidden(`you may only update your own user (${request.userId}), not user ${id}`);
        const email = request.body.email === undefined ? null : normalizeEmail(request.body.email);
        const res = await db
          .query<UserRow>(
            t,
            `UPDATE users SET name = COALESCE($2, name), email = COALESCE($3, email), updated_at = now()
             WHERE id = $1 RETURNING ${USER_COLUMNS}`,
            [id, request.body.name ?? null, email],
          )
          .catch((err: unknown) => {
            throw pgErrorCode(err) === PG_UNIQUE_VIOLATION ? conflict(`email ${email} is already registered`) : err;
          });
        const user = res.rows[0];
        if (!user) throw notFound(`user ${id} not found`);
        await invalidate(cache, t, userCacheKey(id));
        return user;
      },
    );
  };
}
