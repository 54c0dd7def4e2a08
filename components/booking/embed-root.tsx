'use client';

import { type ReactNode, useRef } from 'react';
import styles from './booking-layout.module.css';
import { useEmbedBridge } from './embed-bridge';

/** The <main> of an embedded page that is not the booking flow (the host's list): no background, height reported. */
export function EmbedRoot({ children }: { children: ReactNode }) {
  const root = useRef<HTMLElement>(null);
  useEmbedBridge(root);
  return (
    <main ref={root} className={`${styles.page} ${styles.embedPage}`}>
      {children}
    </main>
  );
}
