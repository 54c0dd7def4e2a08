'use client';

import { useState } from 'react';
import { slugFromName } from '@/lib/hosts/meeting-types/slug';

/**
 * A URL slug that follows the name as it is typed until the host edits the slug itself (a meeting
 * type's, a team's). Spread `nameProps` on the name input and `slugProps` on the slug input.
 */
export function useSlugFromName(initial: string) {
  const [slug, setSlug] = useState(initial);
  const [edited, setEdited] = useState(initial !== '');
  return {
    slug,
    nameProps: { onChange: (event: { target: { value: string } }) => !edited && setSlug(slugFromName(event.target.value)) },
    slugProps: {
      value: slug,
      onChange: (event: { target: { value: string } }) => {
        setSlug(event.target.value);
        setEdited(true);
      },
    },
  };
}
