import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { GET as getDocument } from '@/app/api/v1/openapi.json/route';
import { openApiDocument, operations } from '@/lib/openapi/document';
import { expectReplyMatchesDocument } from './openapi-contract';

// The document itself: served, complete (every operation is a real handler), and strict enough that
// the checks api.ts and host-api.ts run on each reply would catch a drifted one.

const fileOf = (template: string) => path.join(process.cwd(), 'app', `${template.replace(/\{(\w+)\}/g, '[$1]')}/route.ts`);

describe('the OpenAPI document', () => {
  it('is served at /api/v1/openapi.json as OpenAPI 3.1 with the bearer scheme', async () => {
    const response = await getDocument(new Request('http://rendezvous.test/api/v1/openapi.json'), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('names a route handler for every operation, with the method it documents', async () => {
    for (const op of operations) {
      const file = fileOf(op.path);
      expect(existsSync(file), `${op.path} → ${file}`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${op.method.toUpperCase()} ${op.path}`).toMatch(new RegExp(`export const ${op.method.toUpperCase()} =`));
    }
  });

  it('has schemas JSON Schema 2020-12 compiles, for every body and reply', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const id = 'https://rendezvous.test/document.json';
    const document = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, { content?: Record<string, unknown> }> }>> };
    ajv.addSchema({ ...document, $id: id });
    const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
    let compiled = 0;
    for (const [template, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const refs = Object.entries(operation.responses)
          .filter(([, reply]) => reply.content?.['application/json'])
          .map(([status]) => pointer('paths', template, method, 'responses', status, 'content', 'application/json', 'schema'));
        if (operation.requestBody) refs.push(pointer('paths', template, method, 'requestBody', 'content', 'application/json', 'schema'));
        for (const ref of refs) {
          expect(() => ajv.compile({ $ref: `${id}#/${ref}` }), ref).not.toThrow();
          compiled += 1;
        }
      }
    }
    expect(compiled).toBeGreaterThan(operations.length * 2);
  });

  it('fails a reply that drifted from it: a missing field, a wrong type, an undocumented status or path', () => {
    const url = 'http://rendezvous.test/api/v1/time-zone';
    expect(() => expectReplyMatchesDocument('GET', url, 200, 'application/json', { timeZone: 'UTC' })).not.toThrow();
    expect(() => expectReplyMatchesDocument('GET', url, 200, 'application/json', { zone: 'UTC' })).toThrow();
    expect(() => expectReplyMatchesDocument('GET', url, 200, 'application/json', { timeZone: 7 })).toThrow();
    expect(() => expectReplyMatchesDocument('GET', url, 201, 'application/json', { timeZone: 'UTC' })).toThrow();
    expect(() => expectReplyMatchesDocument('GET', url, 404, 'application/json', { error: { code: 'not_found', message: 'x' } })).not.toThrow();
    expect(() => expectReplyMatchesDocument('GET', url, 404, 'application/json', { error: { code: 'lost', message: 'x' } })).toThrow();
    expect(() => expectReplyMatchesDocument('GET', 'http://rendezvous.test/api/v1/nowhere', 200, 'application/json', {})).toThrow();
  });
});
