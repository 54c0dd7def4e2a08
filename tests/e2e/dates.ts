// Dates the browser tests book on: far enough ahead that no notice rule interferes, near enough for any window.

export const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" of the Monday 7–13 days from now (UTC). */
export function nextWeeksMonday(): string {
  const now = new Date();
  const daysToMonday = ((8 - now.getUTCDay()) % 7) + 7;
  return new Date(now.getTime() + daysToMonday * DAY_MS).toISOString().slice(0, 10);
}
