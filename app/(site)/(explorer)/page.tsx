import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/lib/db/client';
import { loadExplorer } from '@/lib/explorer/load-explorer';
import { parseExplorerParams } from '@/lib/explorer/params';
import { ExplorerView } from './_components/explorer-view';

export const metadata: Metadata = { title: 'Explorer' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * `/`: the songs on the chosen chart this week with their 6- and 12-month forecasts, filtered, sorted
 * and paged as the URL says, rendered per request. Without any of those keys it is the default view,
 * the same for everyone, which next.config.ts sends to `latest/[view]` (lib/explorer/default-view.ts).
 */
export default async function ExplorerPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = parseExplorerParams(await searchParams);
  return <ExplorerView params={params} view={await loadExplorer(getDb(), params)} />;
}
