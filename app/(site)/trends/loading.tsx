import { PageSkeleton, Skeleton } from '@/components/ui/skeleton';

/** Trends skeleton: header, the chart, and the lists beside it. */
export default function TrendsLoading() {
  return (
    <PageSkeleton label="Loading chart trends">
      <Skeleton className="h-96 w-full rounded-xl" />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-48 rounded-xl" />
        ))}
      </div>
    </PageSkeleton>
  );
}
