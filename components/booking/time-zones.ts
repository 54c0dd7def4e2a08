import { useSyncExternalStore } from 'react';

// The invitee's zone comes from the browser; the server does not know it, so it renders without
// one (or with a fallback) and the browser fills it in after hydration.

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone !== '';
  } catch {
    return false;
  }
}

let detected: string | undefined;

function detectTimeZone(): string {
  if (detected === undefined) {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    detected = zone && isKnownTimeZone(zone) ? zone : 'UTC';
  }
  return detected;
}

const subscribeToNothing = () => () => {};

/** The browser's IANA zone; `serverFallback` (null: unknown) while rendering on the server. */
export function useDetectedTimeZone<F extends string | null>(serverFallback: F): string | F {
  return useSyncExternalStore<string | F>(subscribeToNothing, detectTimeZone, () => serverFallback);
}
