import { useSyncExternalStore } from 'react';

// The invitee's 12/24-hour choice, remembered per browser. Storage may be refused (a third-party
// frame with cookies blocked throws on localStorage): the choice then lasts for the page's life.

export type HourCycle = '12h' | '24h';

const STORAGE_KEY = 'rendezvous:hour-cycle';
const listeners = new Set<() => void>();
let remembered: HourCycle | undefined;

function readStored(): HourCycle | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === '12h' || value === '24h' ? value : null;
  } catch {
    return null;
  }
}

/** The stored choice, else what the browser's locale uses. */
function current(): HourCycle {
  if (remembered === undefined) {
    const localeCycle = new Intl.DateTimeFormat(undefined, { hour: 'numeric' }).resolvedOptions().hourCycle;
    remembered = readStored() ?? (localeCycle === 'h23' || localeCycle === 'h24' ? '24h' : '12h');
  }
  return remembered;
}

export function setHourCycle(cycle: HourCycle): void {
  remembered = cycle;
  try {
    window.localStorage.setItem(STORAGE_KEY, cycle);
  } catch {
    // Storage refused: keep the choice in memory only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The server renders 12-hour times (the UI's locale); the browser switches after hydration. */
export function useHourCycle(): HourCycle {
  return useSyncExternalStore(subscribe, current, () => '12h');
}
