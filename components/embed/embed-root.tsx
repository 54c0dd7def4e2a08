'use client';

import { type ReactNode, useRef } from 'react';
import { useEmbedBridge } from './embed-bridge';
import styles from './embed.module.css';

/** The <main> of an embedded page that is not the booking flow (the host's list): no background, height reported. */
export function EmbedRoot({ children }: { children: ReactNode }) {
  const root = useRef<HTMLElement>(null);
  useEmbedBridge(root);
  return (
    <main ref={root} className={styles.embedPage}>
      {children}
    </main>
  );
}
