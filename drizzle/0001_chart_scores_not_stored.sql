-- Chart scores are derived from chart_entries when read (chartScore), no longer stored:
-- drop the rows earlier imports wrote into popularity_snapshots under a chart's slug.
-- Slugs never contain ':' (top50:<market>); 'spotify' and 'deezer' are sources' own popularity.
DELETE ps FROM popularity_snapshots ps JOIN charts c ON c.slug = ps.source WHERE ps.source NOT IN ('spotify', 'deezer');
