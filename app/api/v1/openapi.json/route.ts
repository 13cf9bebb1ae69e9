/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document. Trigger: API clients, tooling. Cacheable. */
import { openApiDocument } from '@/lib/api/openapi';
import { answer, jsonOk } from '@/lib/api/respond';

export function GET() {
  return answer(async () => jsonOk(openApiDocument()));
}
