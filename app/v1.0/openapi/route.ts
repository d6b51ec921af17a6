import { apiRoute } from '@/lib/server/api/route';
import { openApiDocument } from '@/lib/server/api/openapi';

export const dynamic = 'force-dynamic';

let cached: Record<string, unknown> | undefined;

/** GET /v1.0/openapi.json (proxy.ts strips the suffix): the OpenAPI 3.1 document of the v1.0 API. Public. */
export const GET = apiRoute({ name: 'openapi', public: true }, async () => (cached ??= openApiDocument()));
