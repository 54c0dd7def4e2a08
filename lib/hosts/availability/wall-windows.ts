import { formatWallWindow } from '@/lib/hosts/host-clock';

// Wall-clock windows ("09:00"–"12:30", end may be "24:00") as the dashboard edits them: pure, so the
// services, the editors and their tests share one notion of order and overlap.

export interface WallWindow {
  startTime: string;
  endTime: string;
}

/** Minutes since midnight of "HH:MM" (or "HH:MM:SS", seconds ignored); "24:00" is 1440. */
export function minutesOfDay(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** "HH:MM" of a time Postgres returns as "HH:MM:SS". */
export function toHoursAndMinutes(time: string): string {
  return time.slice(0, 5);
}

export function sortWindows<W extends WallWindow>(windows: readonly W[]): W[] {
  return [...windows].sort((a, b) => minutesOfDay(a.startTime) - minutesOfDay(b.startTime) || minutesOfDay(a.endTime) - minutesOfDay(b.endTime));
}

/** The first two windows that share a minute, or null; windows that only touch (12:00 end, 12:00 start) do not overlap. */
export function findOverlap<W extends WallWindow>(windows: readonly W[]): [W, W] | null {
  const sorted = sortWindows(windows);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (minutesOfDay(current.startTime) < minutesOfDay(previous.endTime)) return [previous, current];
  }
  return null;
}

/** "09:00–17:00", as validation messages name a window (the host's clock needs the host; host-clock.ts). */
export function formatWindow(window: WallWindow): string {
  return formatWallWindow(window, '24h');
}
