import { addDays, dayOfWeekOf, localDateOf } from '@/lib/scheduling';
import { fetchAvailability } from './api';

// Shared by the availability action tests: dates a little ahead of today, and what the public
// availability endpoint offers on one of them, as host-local wall times.

/** The first date on `dayOfWeek` at least `daysAhead` days after today in `timeZone`. */
export function upcoming(dayOfWeek: number, timeZone = 'America/New_York', daysAhead = 7): string {
  let date = addDays(localDateOf(Date.now(), timeZone), daysAhead);
  while (dayOfWeekOf(date) !== dayOfWeek) date = addDays(date, 1);
  return date;
}

export function todayIn(timeZone: string): string {
  return localDateOf(Date.now(), timeZone);
}

/** Slot starts the public API offers on a host-local date, as "HH:MM" on the host's wall clock. */
export async function offeredTimes(meetingTypeId: string, date: string, timeZone = 'America/New_York'): Promise<string[]> {
  const { status, body } = await fetchAvailability({ meetingTypeId, start: date, end: date, timezone: timeZone });
  if (status !== 200) throw new Error(`availability answered ${status}: ${JSON.stringify(body)}`);
  const formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return body.slots.map((slot) => formatter.format(new Date(slot.start)));
}
