import { useLocale } from 'next-intl';
import { useSyncExternalStore } from 'react';
import { intlLocale, type Locale } from '@/lib/i18n/locales';

// The invitee's 12/24-hour clock: their own choice, remembered per browser, else what the page's
// language uses (en: 12-hour; de, fr, es: 24-hour). Storage may be refused (a third-party frame with
// cookies blocked throws on localStorage): the choice then lasts for the page's life.

export type HourCycle = '12h' | '24h';

const STORAGE_KEY = 'rendezvous:hour-cycle';
const listeners = new Set<() => void>();
let chosen: HourCycle | null | undefined;

function readStored(): HourCycle | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === '12h' || value === '24h' ? value : null;
  } catch {
    return null;
  }
}

/** The clock a language writes times with. */
export function localeHourCycle(locale: Locale): HourCycle {
  const cycle = new Intl.DateTimeFormat(intlLocale(locale), { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h23' || cycle === 'h24' ? '24h' : '12h';
}

function currentChoice(): HourCycle | null {
  if (chosen === undefined) chosen = readStored();
  return chosen;
}

export function setHourCycle(cycle: HourCycle): void {
  chosen = cycle;
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

/** The server renders the language's clock; a remembered choice takes over after hydration. */
export function useHourCycle(): HourCycle {
  const locale = useLocale();
  return useSyncExternalStore(subscribe, currentChoice, () => null) ?? localeHourCycle(locale);
}
