import { Skeleton } from '@/components/ui/skeleton';

/** Models skeleton: header, the versions table, the two metrics tables and the first chart. */
export default function ModelsLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true" aria-label="Loading the models">
      <div className="space-y-2">
        <Skeleton className="h-4 w-56" />
        <Skeleton className="h-8 w-96 max-w-full" />
      </div>
      <Skeleton className="h-32 rounded-xl" />
      <Skeleton className="h-48 rounded-xl" />
      <Skeleton className="h-48 rounded-xl" />
      <Skeleton className="h-72 rounded-xl" />
    </div>
  );
}
