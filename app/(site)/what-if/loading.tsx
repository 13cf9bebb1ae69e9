import { Skeleton } from '@/components/ui/skeleton';

/** What-if skeleton: header, the attributes form on the left, the answer on the right. */
export default function WhatIfLoading() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true" aria-label="Loading the what-if model">
      <div className="space-y-2">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-8 w-96 max-w-full" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
        <Skeleton className="h-[36rem] rounded-xl" />
        <Skeleton className="h-80 rounded-xl" />
      </div>
    </div>
  );
}
