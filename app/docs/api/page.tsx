import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiReference, type OpenApiDocument } from '@/components/api-docs/api-reference';
import { openApiDocument } from '@/lib/openapi/document';

export const metadata: Metadata = { title: 'API reference' };

// The reference, rendered from the same document /api/v1/openapi.json serves.
export default function ApiReferencePage() {
  return (
    <ApiReference
      document={openApiDocument() as unknown as OpenApiDocument}
      intro={
        <>
          <p>
            The machine-readable document is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Create a key on{' '}
            <Link href="/dashboard/settings/api-keys">your API keys page</Link> and send it as <code>Authorization: Bearer rdv_…</code>.
          </p>
          <p>
            Each key may make a limited number of requests a minute; every reply says how many in <code>RateLimit-Limit</code>,{' '}
            <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code>, and one over the limit is answered <code>429</code> with <code>Retry-After</code>.
          </p>
        </>
      }
    />
  );
}
