// Day numbers as the database stores them (0 = Sunday) and the order the dashboard shows them in.

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Monday first, as most calendars outside the US print a week. */
export const DISPLAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** Monday to Friday. */
export const WORKING_DAYS = [1, 2, 3, 4, 5] as const;

export function weekdayName(dayOfWeek: number): string {
  return WEEKDAY_NAMES[dayOfWeek] ?? `Day ${dayOfWeek}`;
}
