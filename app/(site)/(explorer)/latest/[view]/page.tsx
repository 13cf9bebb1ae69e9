import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { loadExplorer } from '@/lib/explorer/load-explorer';
import { DEFAULT_VIEW } from '@/lib/explorer/default-view';
import { parseExplorerParams } from '@/lib/explorer/params';
import { ExplorerView } from '../../_components/explorer-view';

export const metadata: Metadata = { title: 'Explorer' };

/**
 * Seconds a rendered default view is served before it is rendered again (in the background, while the
 * old one is still served). The forecasts change weekly, in the jobs' process, which cannot tell this
 * one; admin promotions and rollbacks revalidate it at once (app/admin/(console)/actions.ts).
 */
export const revalidate = 60;

/** Nothing is rendered at build time (builds never read the database): the first request renders it. */
export const generateStaticParams = (): { view: string }[] => [];

/**
 * The explorer's default view (`/` without a query: the main chart's latest week by rank, page 1), the
 * same for every visitor, so it is rendered once and kept for `revalidate` seconds instead of per
 * request. next.config.ts rewrites `/` here; the segment exists only so that nothing renders at build.
 */
export default async function LatestViewPage({ params }: { params: Promise<{ view: string }> }) {
  if ((await params).view !== DEFAULT_VIEW) notFound();
  const explorerParams = parseExplorerParams({});
  return <ExplorerView params={explorerParams} view={await loadExplorer(getDb(), explorerParams)} />;
}
