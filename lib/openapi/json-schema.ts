import { z } from 'zod';

// zod → JSON Schema 2020-12 (OpenAPI 3.1's own dialect). A request body is described as it may be
// sent (io: input), a reply as it is answered (io: output). What JSON Schema cannot say (a transform's
// result) is left open rather than refused, so the document always builds.

export type JsonSchema = Record<string, unknown>;

export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}
