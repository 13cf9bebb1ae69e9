import { Skeleton } from '@/components/ui/skeleton';

/** Mood skeleton: header, the country picker, the valence and energy charts, the table. */
export default function MoodLoading() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true" aria-label="Loading mood by country">
      <div className="space-y-2">
        <Skeleton className="h-4 w-48" />
        <Skeleton className="h-8 w-64" />
      </div>
      <Skeleton className="h-28 rounded-xl" />
      <Skeleton className="h-[30rem] rounded-xl" />
      <Skeleton className="h-32 rounded-xl" />
    </div>
  );
}
