import { json, route } from '@/lib/http';
import { openApiDocument } from '@/lib/openapi/document';

// The OpenAPI 3.1 document of the booking API and the host API, generated from the routes' schemas.
export const GET = route(async () => json(openApiDocument(), 200, { 'cache-control': 'public, max-age=300' }));
