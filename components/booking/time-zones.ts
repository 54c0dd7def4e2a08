import { useSyncExternalStore } from 'react';
import { formatZoneLabel } from './format-time';

// The invitee's zone comes from the browser; the server does not know it, so it renders without
// one (or with a fallback) and the browser fills it in after hydration.

const FALLBACK_ZONES = [
  'UTC',
  'America/Los_Angeles',
  'America/Chicago',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
];

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

export interface ZoneOption {
  value: string;
  label: string;
}

let allZones: ZoneOption[] | undefined;

/** Every zone the browser knows, labelled with its current offset, plus `current` if it is missing. */
export function timeZoneOptions(current: string): ZoneOption[] {
  if (!allZones) {
    const names = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : FALLBACK_ZONES;
    const now = Date.now();
    allZones = [...new Set(['UTC', ...names])].sort().map((value) => ({ value, label: formatZoneLabel(value, now) }));
  }
  if (allZones.some((zone) => zone.value === current)) return allZones;
  return [{ value: current, label: formatZoneLabel(current, Date.now()) }, ...allZones];
}
