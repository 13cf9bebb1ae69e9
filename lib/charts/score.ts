/** Throws a RangeError unless `rank` is a place on a chart of `size` places. */
export function checkChartRank(rank: number, size: number): void {
  if (!Number.isInteger(rank) || rank < 1 || rank > size) {
    throw new RangeError(`rank ${rank} is outside a chart of ${size} places`);
  }
}

/**
 * The chart-derived popularity score of a rank on a chart of `size` places:
 * 100·(size + 1 − rank)/size, so #1 scores 100, last place scores 100/size,
 * and a song off the chart scores 0. On a 100-place chart this is 101 − rank.
 */
export function chartScore(rank: number, size: number): number {
  checkChartRank(rank, size);
  return (100 * (size + 1 - rank)) / size;
}
