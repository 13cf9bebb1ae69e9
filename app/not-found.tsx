import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';

/** 404 for any unknown address. */
export default function NotFound() {
  return (
    <EmptyState heading="h1" title="Page not found" action={<ButtonLink href="/" primary>Back to the explorer</ButtonLink>}>
      <p>There is nothing at this address. Search for a song with the box at the top, or start from this week’s chart.</p>
    </EmptyState>
  );
}
