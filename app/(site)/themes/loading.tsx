import { PageSkeleton, Skeleton } from '@/components/ui/skeleton';

/** Themes skeleton: header, the classify form beside its answer, the confusion matrix and per-occasion scores. */
export default function ThemesLoading() {
  return (
    <PageSkeleton label="Loading the theme model" titleWidth="w-80" gap="gap-6">
      <Skeleton className="h-80 rounded-xl" />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Skeleton className="h-56 rounded-xl" />
        <Skeleton className="h-56 rounded-xl" />
      </div>
    </PageSkeleton>
  );
}
