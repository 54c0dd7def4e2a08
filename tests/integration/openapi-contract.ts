import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { openApiDocument } from '@/lib/openapi/document';

// The contract test's one check, run on every reply the API tests receive (tests/integration/api.ts
// and host-api.ts call it): the document must list the path, method and status, and the body must
// match the schema it gives, with JSON Schema 2020-12 (OpenAPI 3.1's dialect). So the document cannot drift.

const DOCUMENT_ID = 'https://rendezvous.test/openapi.json';

type Document = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

let ajv: Ajv2020 | undefined;

function validator(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...openApiDocument(), $id: DOCUMENT_ID });
  return ajv;
}

/** The document's path template for a request path ("/api/v1/bookings/1f…" → "/api/v1/bookings/{id}"). */
export function pathTemplateOf(pathname: string): string | undefined {
  const paths = Object.keys((openApiDocument() as Document).paths);
  const matches = (template: string) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]*').replace(/\./g, '\\.')}$`).test(pathname);
  // A literal path wins over a template ("/me/bookings" over "/me/{…}").
  return paths.find((template) => template === pathname) ?? paths.find(matches);
}

const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** Fails the calling test when the reply does not match the document. */
export function expectReplyMatchesDocument(method: string, url: string, status: number, contentType: string | null, body: unknown): void {
  const pathname = new URL(url).pathname;
  const template = pathTemplateOf(pathname);
  expect(template, `${method} ${pathname} is in the OpenAPI document`).toBeDefined();
  const operation = (openApiDocument() as Document).paths[template!]![method.toLowerCase()];
  expect(operation, `${method} ${template} is in the OpenAPI document`).toBeDefined();
  const statusKey = operation!.responses[String(status)] ? String(status) : 'default';
  if (statusKey === 'default') expect(status, `${method} ${template} documents status ${status}`).toBeGreaterThanOrEqual(400);
  const mediaType = contentType?.split(';')[0]?.trim();
  const content = operation!.responses[statusKey]!.content;
  if (!content) {
    expect(body ?? null, `${method} ${template} ${status} has no body`).toBeNull();
    return;
  }
  expect(Object.keys(content), `${method} ${template} ${status} answers ${mediaType}`).toContain(mediaType);
  if (mediaType !== 'application/json') return;
  const ref = `${DOCUMENT_ID}#/${pointer('paths', template!, method.toLowerCase(), 'responses', statusKey, 'content', 'application/json', 'schema')}`;
  const validate = validator().getSchema(ref) ?? validator().compile({ $ref: ref });
  const valid = validate(body);
  expect(valid ? [] : validate.errors, `${method} ${template} ${status} matches the document`).toEqual([]);
}
