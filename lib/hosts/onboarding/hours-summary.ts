import type { WallWindow } from '@/lib/hosts/availability/wall-windows';
import { DISPLAY_ORDER } from '@/lib/hosts/availability/weekdays';

// The weekly hours in one line, for the checklist: "Mon–Fri, 9:00–17:00". Days in a row with the same
// windows read as one run, Monday first; pure, so it is tested without a page.

const SHORT_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** "09:00" → "9:00"; "24:00" stays. */
const clock = (time: string) => time.replace(/^0(\d)/, '$1');

function windowsText(windows: readonly WallWindow[]): string {
  return windows.map((window) => `${clock(window.startTime)}–${clock(window.endTime)}`).join(', ');
}

/** Runs of neighbouring days (Monday first) with the same hours, as "Mon–Fri, 9:00–17:00; Sat, 10:00–12:00". */
export function summarizeWeeklyHours(week: readonly { dayOfWeek: number; windows: readonly WallWindow[] }[]): string {
  const hours = new Map(week.map((day) => [day.dayOfWeek, windowsText(day.windows)]));
  const runs: { first: number; last: number; text: string }[] = [];
  for (const day of DISPLAY_ORDER) {
    const text = hours.get(day) ?? '';
    const run = runs.at(-1);
    if (run && run.text === text) run.last = day;
    else runs.push({ first: day, last: day, text });
  }
  const open = runs.filter((run) => run.text !== '');
  if (open.length === 0) return 'No weekly hours';
  return open.map((run) => `${SHORT_NAMES[run.first]}${run.first === run.last ? '' : `–${SHORT_NAMES[run.last]}`}, ${run.text}`).join('; ');
}
