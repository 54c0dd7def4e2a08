import { minutesOfDay } from '@/lib/hosts/availability/wall-windows';

// The choices of the start and end selects: every quarter hour, and 24:00 (the end of the day) for
// ends, which <input type="time"> cannot offer. A stored time off that grid stays choosable, so
// opening the editor never changes it.

const QUARTER_HOURS = Array.from({ length: 97 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);

export function timeOptions(kind: 'start' | 'end', current?: string): string[] {
  const grid = kind === 'start' ? QUARTER_HOURS.slice(0, -1) : QUARTER_HOURS.slice(1);
  const values = current && !grid.includes(current) ? [...grid, current].sort((a, b) => minutesOfDay(a) - minutesOfDay(b)) : grid;
  return values;
}
