import { ApiReference, type OpenApiDoc } from '@/components/api-reference/api-reference';
import { openApiDocument } from '@/lib/server/api/openapi';

export const metadata = { title: 'API reference · Trellis' };

// The same document as GET /v1.0/openapi.json, rendered on the server.
export default function Page() {
  return <ApiReference doc={openApiDocument() as unknown as OpenApiDoc} />;
}
