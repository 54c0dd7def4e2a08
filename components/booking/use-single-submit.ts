import { useRef, useState } from 'react';

/**
 * One request at a time from a manage page's button: a second click while the first is on its way
 * does nothing. `work` answers an error to show, or null when it went through.
 */
export function useSingleSubmit() {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  async function run(work: () => Promise<string | null>): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setError(null);
    try {
      setError(await work());
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }
  return { submitting, error, run };
}
