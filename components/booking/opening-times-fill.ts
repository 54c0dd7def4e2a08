// The first open times, drawn by a small inline script while the HTML is still parsing: the browser's
// zone is known there, long before React's ~230 KiB of script has loaded and hydrated. The picker
// renders an empty box with OPENING_TIMES_ID (React leaves its children alone) and replaces it with its
// own time list, the same markup, once it knows the zone. A time clicked before then is kept in
// PENDING_PICK_KEY, and the picker carries it out.

export const OPENING_TIMES_ID = 'opening-times';
export const PENDING_PICK_KEY = '__rendezvousPendingPick';

export interface OpeningTimesData {
  id: string;
  /** The Intl locale of the page's language (en-US, de, …). */
  locale: string;
  /** "Open times on {day}" with `{day}` left in. */
  listLabel: string;
  /** "Book {time}" with `{time}` left in. */
  bookLabel: string;
  /** [start (epoch ms), for a group event: its label with `{time}` left in, and its "N seats left"]. */
  slots: ([number] | [number, string, string])[];
  classes: { times: string; title: string; list: string; time: string; seats: string };
  pendingKey: string;
}

/**
 * Runs in the browser as an inline script (its source is embedded with `toString()`): plain ES2017, no
 * imports, no helpers. Mirrors detectTimeZone, localDateKey, formatTime, formatDayHeading and TimeList.
 */
export function fillOpeningTimes(data: OpeningTimesData): void {
  const box = document.getElementById(data.id);
  if (!box || box.firstChild || data.slots.length === 0) return;
  let zone = 'UTC';
  try {
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
    new Intl.DateTimeFormat('en-US', { timeZone: detected });
    if (detected) zone = detected;
  } catch {
    zone = 'UTC';
  }
  const dateParts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayOf = (ms: number) => {
    const parts: Record<string, string> = {};
    for (const part of dateParts.formatToParts(new Date(ms))) parts[part.type] = part.value;
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
  const day = dayOf(data.slots[0]![0]);
  // The picker opens on today's month: a first time in a later month is not what it will show.
  if (day.slice(0, 7) !== dayOf(Date.now()).slice(0, 7)) return;
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem('rendezvous:hour-cycle');
  } catch {
    stored = null;
  }
  // As useHourCycle: the remembered choice, else the language's own clock.
  const languageCycle = new Intl.DateTimeFormat(data.locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  const h24 = stored === '24h' || (stored !== '12h' && (languageCycle === 'h23' || languageCycle === 'h24'));
  const clock = new Intl.DateTimeFormat(
    data.locale,
    h24 ? { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { timeZone: zone, hour: 'numeric', minute: '2-digit', hour12: true },
  );
  const heading = new Intl.DateTimeFormat(data.locale, { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(`${day}T00:00:00Z`));
  const element = (tag: string, className: string, text?: string) => {
    const made = document.createElement(tag);
    made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  };
  const times = element('div', data.classes.times);
  times.appendChild(element('h3', data.classes.title, heading));
  const list = element('ul', data.classes.list);
  list.setAttribute('aria-label', data.listLabel.replace('{day}', heading));
  for (const slot of data.slots) {
    if (dayOf(slot[0]) !== day) continue;
    const time = clock.format(new Date(slot[0]));
    const button = element('button', data.classes.time, time);
    button.setAttribute('type', 'button');
    button.setAttribute('data-start', new Date(slot[0]).toISOString());
    button.setAttribute('aria-label', (slot.length === 3 ? slot[1] : data.bookLabel).replace('{time}', time));
    if (slot.length === 3) {
      button.appendChild(document.createTextNode(' '));
      button.appendChild(element('span', data.classes.seats, slot[2]));
    }
    list.appendChild(document.createElement('li')).appendChild(button);
  }
  times.appendChild(list);
  box.appendChild(times);
  box.addEventListener('click', (event) => {
    const start = event.target instanceof Element ? event.target.closest('button[data-start]')?.getAttribute('data-start') : null;
    if (start) (window as unknown as Record<string, string>)[data.pendingKey] = start;
  });
}

/** The time clicked before the picker took over, once: null when there was none. */
export function takePendingPick(): string | null {
  const holder = window as unknown as Record<string, string | undefined>;
  const start = holder[PENDING_PICK_KEY] ?? null;
  delete holder[PENDING_PICK_KEY];
  return start;
}
