/** Calls the /api/v1 route handlers in-process, as Next would: a Request and the route's params. */
import { GET as audit } from '@/app/api/v1/audit/route';
import { GET as chartWeeks } from '@/app/api/v1/charts/[slug]/weeks/route';
import { GET as charts } from '@/app/api/v1/charts/route';
import { GET as forecasts } from '@/app/api/v1/forecasts/route';
import { GET as models } from '@/app/api/v1/models/route';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import { GET as song } from '@/app/api/v1/songs/[id]/route';
import { GET as songs } from '@/app/api/v1/songs/route';

const BASE = 'http://localhost/api/v1';

/** GETs an /api/v1 path (with its query string) through the matching handler. */
export async function apiGet(pathAndQuery: string): Promise<Response> {
  const url = new URL(`${BASE}${pathAndQuery}`);
  const request = new Request(url);
  const parts = url.pathname.slice('/api/v1/'.length).split('/').map(decodeURIComponent);
  const params = <T>(value: T) => ({ params: Promise.resolve(value) });
  if (parts[0] === 'songs' && parts.length === 1) return songs(request);
  if (parts[0] === 'songs' && parts.length === 2) return song(request, params({ id: parts[1] ?? '' }));
  if (parts[0] === 'forecasts' && parts.length === 1) return forecasts(request);
  if (parts[0] === 'charts' && parts.length === 1) return charts(request);
  if (parts[0] === 'charts' && parts.length === 3 && parts[2] === 'weeks') return chartWeeks(request, params({ slug: parts[1] ?? '' }));
  if (parts[0] === 'models' && parts.length === 1) return models(request);
  if (parts[0] === 'audit' && parts.length === 1) return audit(request);
  if (parts[0] === 'openapi.json') return openapi();
  throw new Error(`No handler for ${pathAndQuery}`);
}
