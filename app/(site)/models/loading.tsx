import { PageSkeleton, Skeleton } from '@/components/ui/skeleton';

/** Models skeleton: header, the versions table, the two metrics tables and the first chart. */
export default function ModelsLoading() {
  return (
    <PageSkeleton label="Loading the models" titleWidth="w-96" gap="gap-6">
      <Skeleton className="h-32 rounded-xl" />
      <Skeleton className="h-48 rounded-xl" />
      <Skeleton className="h-48 rounded-xl" />
      <Skeleton className="h-72 rounded-xl" />
    </PageSkeleton>
  );
}
