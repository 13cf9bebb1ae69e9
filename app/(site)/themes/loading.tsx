import { Skeleton } from '@/components/ui/skeleton';

/** Themes skeleton: header, the classify form beside its answer, the confusion matrix and per-occasion scores. */
export default function ThemesLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true" aria-label="Loading the theme model">
      <div className="space-y-2">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-8 w-80 max-w-full" />
      </div>
      <Skeleton className="h-80 rounded-xl" />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Skeleton className="h-56 rounded-xl" />
        <Skeleton className="h-56 rounded-xl" />
      </div>
    </div>
  );
}
