import { PageSkeleton, Skeleton } from '@/components/ui/skeleton';

/** What-if skeleton: header, the attributes form on the left, the answer on the right. */
export default function WhatIfLoading() {
  return (
    <PageSkeleton label="Loading the what-if model" titleWidth="w-96">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
        <Skeleton className="h-[36rem] rounded-xl" />
        <Skeleton className="h-80 rounded-xl" />
      </div>
    </PageSkeleton>
  );
}
