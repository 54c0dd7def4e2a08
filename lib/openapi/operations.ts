import type { z } from 'zod';
import { type JsonSchema, jsonSchemaOf } from './json-schema';

// One operation of the document, described as data: its body and query schemas are the routes' own
// zod schemas; its replies are named schemas from reply-schemas.ts.

export type Method = 'get' | 'post' | 'put' | 'delete';

export interface Reply {
  description: string;
  /** A zod reply schema (JSON), a media type with a schema as is, or nothing (304). */
  body?: z.ZodType | { mediaType: string; schema: JsonSchema };
}

export interface Operation {
  method: Method;
  path: string;
  tag: 'Host API' | 'Booking API';
  summary: string;
  description?: string;
  /** Host API: the key scope it needs. Booking API operations are public (a link token at most). */
  scope?: 'read' | 'read-write';
  pathParams?: Record<string, { description: string; schema: JsonSchema }>;
  query?: z.ZodType;
  body?: z.ZodType;
  idempotent?: boolean;
  replies: Record<number, Reply>;
  /** Error statuses this operation may answer besides the common ones. */
  errors?: number[];
}

export const errorRef = { $ref: '#/components/schemas/Error' };

const errorDescriptions: Record<number, string> = {
  400: 'Malformed JSON, unknown fields, wrong types, a bad cursor: `details.issues` names each field',
  401: 'No API key, or an unknown or revoked one',
  403: 'The API key may only read',
  404: 'Not found (another host’s ids read as missing)',
  409: 'Conflicts with the current state',
  413: 'The body is larger than allowed',
  415: 'The body is not application/json',
  422: 'The Idempotency-Key was used for a different request',
  429: 'Too many requests: wait for Retry-After seconds',
};

const rateLimitHeaderRefs = {
  'RateLimit-Limit': { $ref: '#/components/headers/RateLimit-Limit' },
  'RateLimit-Remaining': { $ref: '#/components/headers/RateLimit-Remaining' },
  'RateLimit-Reset': { $ref: '#/components/headers/RateLimit-Reset' },
};

function replyObject(reply: Reply, headers: Record<string, unknown> | undefined): JsonSchema {
  const content =
    reply.body === undefined
      ? undefined
      : 'mediaType' in reply.body
        ? { [reply.body.mediaType]: { schema: reply.body.schema } }
        : { 'application/json': { schema: jsonSchemaOf(reply.body as z.ZodType, 'output') } };
  return { description: reply.description, ...(headers ? { headers } : {}), ...(content ? { content } : {}) };
}

function queryParameters(query: z.ZodType): JsonSchema[] {
  const schema = jsonSchemaOf(query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

/** The OpenAPI operation object. */
export function operationObject(op: Operation): JsonSchema {
  const host = op.scope !== undefined;
  const headers = host ? rateLimitHeaderRefs : undefined;
  const parameters = [
    ...Object.entries(op.pathParams ?? {}).map(([name, { description, schema }]) => ({ name, in: 'path', required: true, description, schema })),
    ...(op.query ? queryParameters(op.query) : []),
    ...(op.idempotent ? [{ $ref: '#/components/parameters/Idempotency-Key' }] : []),
  ];
  const errorStatuses = [...new Set([400, ...(host ? [401, 429] : [429]), ...(host && op.scope === 'read-write' ? [403] : []), ...(op.errors ?? [])])].sort();
  const responses: Record<string, JsonSchema> = {};
  for (const [status, reply] of Object.entries(op.replies)) responses[status] = replyObject(reply, headers);
  for (const status of errorStatuses) {
    const retryAfter = status === 429 ? { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } : {};
    responses[String(status)] = { description: errorDescriptions[status] ?? 'Error', headers: { ...headers, ...retryAfter }, content: { 'application/json': { schema: errorRef } } };
  }
  responses.default = { description: 'Any other error, in the same shape', content: { 'application/json': { schema: errorRef } } };
  return {
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    operationId: `${op.method}${op.path.replace(/\/api\/v1/, '').replace(/[{}]/g, '').replace(/[/.-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    ...(host ? { security: [{ apiKey: [] }], 'x-scope': op.scope } : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(op.body, 'input') } } } } : {}),
    responses,
  };
}
