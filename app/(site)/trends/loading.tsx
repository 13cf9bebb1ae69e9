import { Skeleton } from '@/components/ui/skeleton';

/** Trends skeleton: header, the chart, and the lists beside it. */
export default function TrendsLoading() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true" aria-label="Loading chart trends">
      <div className="space-y-2">
        <Skeleton className="h-4 w-48" />
        <Skeleton className="h-8 w-72" />
      </div>
      <Skeleton className="h-96 w-full rounded-xl" />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-48 rounded-xl" />
        ))}
      </div>
    </div>
  );
}
