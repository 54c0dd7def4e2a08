import { useEffect, useRef } from 'react';

/** Moves focus to an element (a step's heading, tabIndex -1) when it appears, so screen readers follow. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
