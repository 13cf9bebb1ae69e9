import { sql } from 'drizzle-orm';
import { chartEntries, charts } from '@/lib/db/schema';

/** chartScore (./score.ts) in SQL, for a query over chart_entries joined to charts. */
export const chartScoreSql = sql<number>`100 * (${charts.size} + 1 - ${chartEntries.rank}) / ${charts.size}`;
