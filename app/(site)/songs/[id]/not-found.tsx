import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';

/** Unknown or malformed song id. */
export default function SongNotFound() {
  return (
    <EmptyState heading="h1" title="We don’t know that song" action={<ButtonLink href="/" primary>Back to the explorer</ButtonLink>}>
      <p>No song has this id. It may have been a typo in the address; try the search box at the top.</p>
    </EmptyState>
  );
}
