'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import styles from './meeting-type-list.module.css';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies the page's absolute address; a polite live region says whether it worked. `onCopied` runs after a copy that worked. */
export function CopyLinkButton({ path, name, onCopied }: { path: string; name: string; onCopied?: () => void }) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const reset = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(reset);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(`${window.location.origin}${path}`);
      setState('copied');
      onCopied?.();
    } catch {
      // No clipboard outside a secure context, or permission refused.
      setState('failed');
    }
  }

  // The button's name is its visible text plus what it copies; "Copied" shows beside it, not in it.
  return (
    <span className={styles.copy}>
      <Button variant="ghost" onClick={copy}>
        <span>
          Copy link<span className={styles.visuallyHidden}> to {name}</span>
        </span>
      </Button>
      <span role="status" className={state === 'failed' ? styles.copyFailed : state === 'copied' ? styles.copied : styles.visuallyHidden}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy; select the link and copy it.' : ''}
      </span>
    </span>
  );
}
