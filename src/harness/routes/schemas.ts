/**
 * JSON schemas shared by the routes. Fastify validates requests against them (400 on a
 * mismatch) and serialises responses through them, so a response can never carry a field
 * that is not listed here (e.g. password_hash), whatever the query selected.
 */
export const MAX_INT4 = 2_147_483_647;

export const idParam = { type: 'integer', minimum: 1, maximum: MAX_INT4 } as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: idParam },
} as const;

export const emailField = { type: 'string', format: 'email', minLength: 3, maxLength: 254 } as const;
export const nameField = { type: 'string', minLength: 1, maxLength: 100 } as const;

export const userSchema = {
  type: 'object',
  required: ['id', 'email', 'name', 'created_at', 'updated_at'],
  properties: {
    id: { type: 'integer' },
    email: { type: 'string' },
    name: { type: 'string' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
  },
} as const;

export const errorSchema = {
  type: 'object',
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    message: { type: 'string' },
  },
} as const;

/** Columns of a user that may leave the server. */
export const USER_COLUMNS = 'id, email, name, created_at, updated_at';

export interface UserRow {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly created_at: Date | string;
  readonly updated_at: Date | string;
}

/** Emails are compared case-insensitively: stored and looked up in lower case. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
