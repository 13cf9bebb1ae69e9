import { PageSkeleton, Skeleton } from '@/components/ui/skeleton';

/** Mood skeleton: header, the country picker, the valence and energy charts, the table. */
export default function MoodLoading() {
  return (
    <PageSkeleton label="Loading mood by country" titleWidth="w-64">
      <Skeleton className="h-28 rounded-xl" />
      <Skeleton className="h-[30rem] rounded-xl" />
      <Skeleton className="h-32 rounded-xl" />
    </PageSkeleton>
  );
}
