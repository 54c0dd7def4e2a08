import { MAX_WINDOWS_PER_DAY } from '@/lib/hosts/availability/limits';
import { minutesOfDay, type WallWindow } from '@/lib/hosts/availability/wall-windows';

// The weekly hours editor's state and its edits, as pure functions. A day switched off keeps its
// windows, so switching it back on restores them; only switched-on days send windows when saved.

export interface EditableDay {
  dayOfWeek: number;
  available: boolean;
  windows: WallWindow[];
}

/** Indexed by day number (0 = Sunday), so `week[day]` is that day and errors at `days.<day>` find it. */
export type EditableWeek = EditableDay[];

export const DEFAULT_WINDOW: WallWindow = { startTime: '09:00', endTime: '17:00' };

export function editableWeek(days: readonly { dayOfWeek: number; windows: WallWindow[] }[]): EditableWeek {
  return [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => {
    const windows = days.find((day) => day.dayOfWeek === dayOfWeek)?.windows ?? [];
    return { dayOfWeek, available: windows.length > 0, windows: windows.length > 0 ? windows : [DEFAULT_WINDOW] };
  });
}

export function weeklyHoursInput(week: EditableWeek): { days: { dayOfWeek: number; windows: WallWindow[] }[] } {
  return { days: week.map((day) => ({ dayOfWeek: day.dayOfWeek, windows: day.available ? day.windows : [] })) };
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A window after the latest one (an hour, or what is left of the day), or null when the day is full. */
export function nextWindow(windows: readonly WallWindow[]): WallWindow | null {
  if (windows.length === 0) return DEFAULT_WINDOW;
  if (windows.length >= MAX_WINDOWS_PER_DAY) return null;
  const latestEnd = Math.max(...windows.map((window) => minutesOfDay(window.endTime)));
  if (latestEnd >= 24 * 60) return null;
  return { startTime: clock(latestEnd), endTime: clock(Math.min(latestEnd + 60, 24 * 60)) };
}

export function updateDay(week: EditableWeek, dayOfWeek: number, change: (day: EditableDay) => EditableDay): EditableWeek {
  return week.map((day) => (day.dayOfWeek === dayOfWeek ? change(day) : day));
}

/** Removing the last window switches the day off rather than leaving it on with nothing in it. */
export function withoutWindow(day: EditableDay, index: number): EditableDay {
  const windows = day.windows.filter((_, i) => i !== index);
  return windows.length > 0 ? { ...day, windows } : { ...day, available: false, windows: [DEFAULT_WINDOW] };
}

/** "Copy to…": each chosen day gets its own copy of `fromDay`'s availability and windows; the rest stay as they are. */
export function copyToDays(week: EditableWeek, fromDay: number, targets: Iterable<number>): EditableWeek {
  const source = week[fromDay];
  if (!source) return week;
  const chosen = new Set(targets);
  return week.map((day) => (chosen.has(day.dayOfWeek) && day.dayOfWeek !== fromDay ? { ...day, available: source.available, windows: source.windows.map((window) => ({ ...window })) } : day));
}
