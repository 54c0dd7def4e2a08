import { bookingOperations } from './booking-operations';
import { hostOperations } from './host-operations';
import { type JsonSchema, jsonSchemaOf } from './json-schema';
import { type Operation, operationObject } from './operations';
import { errorReply } from './reply-schemas';
import { webhookOperations } from './webhook-operations';

// The OpenAPI 3.1 document, built once per process from the routes' zod schemas: /api/v1/openapi.json
// serves it, /docs/api renders it, and the contract test validates every reply the API tests get.

export const operations: readonly Operation[] = [...bookingOperations, ...hostOperations, ...webhookOperations];

function build(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationObject(op);
  const integerHeader = (description: string) => ({ description, schema: { type: 'integer', minimum: 0 } });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rendezvous API',
      version: '1',
      description:
        'The public booking API (what booking pages use) and the host REST API (an API key from /dashboard/settings/api-keys, sent as `Authorization: Bearer rdv_…`). Every error has one shape: `{ "error": { "code", "message", "details"? } }`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [
      { name: 'Host API', description: 'Your own meeting types, hours, bookings and webhook endpoints. Each API key has its own rate limit, reported in RateLimit-* headers.' },
      { name: 'Booking API', description: 'Public: free slots and booking; a booking’s links carry the token its changes need.' },
    ],
    paths,
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'rdv_ followed by 43 base62 characters', description: 'A read or read-write API key.' } },
      schemas: { Error: jsonSchemaOf(errorReply, 'output') },
      parameters: {
        'Idempotency-Key': {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'Repeating a request with the same key (within 24 hours) answers the first reply again instead of creating twice; the same key with a different body is refused with 422.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
      headers: {
        'RateLimit-Limit': integerHeader('Requests this API key may make per window'),
        'RateLimit-Remaining': integerHeader('Requests left in the current window'),
        'RateLimit-Reset': integerHeader('Seconds until the window resets'),
        'Retry-After': integerHeader('Seconds to wait before retrying'),
      },
    },
  };
}

let cached: JsonSchema | undefined;

export function openApiDocument(): JsonSchema {
  cached ??= build();
  return cached;
}
