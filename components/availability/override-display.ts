import type { WallWindow } from '@/lib/hosts/availability/wall-windows';
import { formatWallWindow, type HourCycle } from '@/lib/hosts/host-clock';

// How a date override reads in the list. Formatted in UTC with a fixed locale, so the server's HTML
// and the browser's render agree (a "YYYY-MM-DD" date has no zone of its own).

const DATE_FORMAT = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** "Mon, Jan 11, 2027" */
export function formatOverrideDate(date: string): string {
  return DATE_FORMAT.format(new Date(`${date}T00:00:00Z`));
}

export function describeOverrideHours(override: { unavailable: boolean; windows: WallWindow[] }, cycle: HourCycle): string {
  return override.unavailable ? 'Unavailable all day' : override.windows.map((window) => formatWallWindow(window, cycle)).join(', ');
}
