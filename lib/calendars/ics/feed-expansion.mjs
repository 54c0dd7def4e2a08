// @ts-check
import ical from 'node-ical';

// An ICS feed's text → busy instances in the sync window, on a budget. Plain JavaScript so the
// worker thread (feed-worker.mjs) loads it as is, outside the Next.js bundle; feed-expansion.d.mts
// gives it types. Pure apart from the parser: the window and the limits come in as arguments.
//
// Costs are bounded per feed, not per event:
// - at most `maxEvents` VEVENTs (counted before parsing);
// - one iteration budget for all recurrence rules together. A rule with COUNT must be walked from
//   DTSTART to be counted right, so it is charged its COUNT up front; a simple one (no BY… parts)
//   is first moved to the window's start, so a long series that ended before the window costs nothing.
//   Rules without COUNT are expanded from the window's start by the library and charged per instance;
// - an event that is broken or over budget is skipped and reported, instead of failing the feed;
// - at most `maxInstances` instances in all.

/** Units a rule without BY… parts steps by, in which "n intervals later" is plain addition. */
const SIMPLE_UNITS = /** @type {Record<string, string>} */ ({ SECONDLY: 'seconds', MINUTELY: 'minutes', HOURLY: 'hours', DAILY: 'days', WEEKLY: 'weeks' });
const BY_PARTS = ['byHour', 'byMinute', 'bySecond', 'byDay', 'byMonth', 'byMonthDay', 'byYearDay', 'byWeekNo', 'bySetPos', 'rDate'];

class OverBudgetError extends Error {}

const isEmpty = (/** @type {unknown} */ value) => value === undefined || value === null || (Array.isArray(value) && value.length === 0);
const isIterationLimit = (/** @type {unknown} */ error) => error instanceof Error && /Maximum iterations/.test(error.message);

/**
 * node-ical wraps an rrule-temporal rule; this returns a wrapper of the same class over a rule
 * moved towards the window and capped by the budget, or null when no instance can reach the window.
 * @param {any} wrapper
 * @param {number} windowStart
 * @param {{ remaining: number }} budget
 */
function budgetedRule(wrapper, windowStart, budget) {
  const rule = wrapper?._rrule;
  if (!rule || typeof rule.options !== 'function') throw new Error('unsupported recurrence rule');
  const options = rule.options();
  let { dtstart, count } = options;
  if (count !== undefined && count !== null) {
    const unit = SIMPLE_UNITS[options.freq];
    if (unit && BY_PARTS.every((part) => isEmpty(options[part]))) {
      const interval = options.interval ?? 1;
      const anchor = dtstart.add({ milliseconds: windowStart - dtstart.epochMilliseconds });
      const units = dtstart.until(anchor, { largestUnit: unit })[unit];
      // One interval short of the window, so the instance running into it is still seen.
      const steps = Math.max(0, Math.floor(units / interval) - 1);
      if (steps >= count) return null;
      if (steps > 0) {
        dtstart = dtstart.add({ [unit]: steps * interval });
        count -= steps;
      }
    }
    if (count > budget.remaining) throw new OverBudgetError(`repeats ${count} times`);
    budget.remaining -= count;
  }
  const limited = new rule.constructor({ ...options, dtstart, count, maxIterations: Math.max(1, count ?? 0, budget.remaining) });
  return new wrapper.constructor(limited, wrapper._dateOnly);
}

/** @param {string} text */
function countEvents(text) {
  let count = 0;
  for (let at = text.indexOf('BEGIN:VEVENT'); at !== -1; at = text.indexOf('BEGIN:VEVENT', at + 12)) count++;
  return count;
}

const VEVENT_BLOCK = /BEGIN:VEVENT\r?\n[\s\S]*?END:VEVENT\r?\n?/g;

/**
 * The whole feed in one parse; when the parser refuses it, each UID's events (a series and its
 * overrides belong together) are parsed alone within the feed's frame (its VTIMEZONEs), and the
 * ones it still refuses are skipped.
 * @param {string} text
 * @param {import('./feed-expansion.d.mts').SkippedEvent[]} skipped
 * @returns {Record<string, unknown>[]}
 */
function parseTolerantly(text, skipped) {
  try {
    return [ical.sync.parseICS(text)];
  } catch {
    const frame = text.replace(VEVENT_BLOCK, '');
    const end = frame.lastIndexOf('END:VCALENDAR');
    if (end === -1) return [];
    /** @type {Map<string, string[]>} */
    const byUid = new Map();
    for (const block of text.match(VEVENT_BLOCK) ?? []) {
      const uid = /^UID:(.*)$/m.exec(block)?.[1]?.trim() ?? '(no UID)';
      byUid.set(uid, [...(byUid.get(uid) ?? []), block]);
    }
    /** @type {Record<string, unknown>[]} */
    const parsed = [];
    for (const [uid, blocks] of byUid) {
      try {
        parsed.push(ical.sync.parseICS(`${frame.slice(0, end)}${blocks.join('')}${frame.slice(end)}`));
      } catch {
        skipped.push({ uid: uid.slice(0, 200), reason: 'could not be read' });
      }
    }
    return parsed;
  }
}

/**
 * @param {string} text
 * @param {import('./feed-expansion.d.mts').ExpansionLimits} limits
 * @returns {import('./feed-expansion.d.mts').FeedExpansion}
 */
export function expandFeed(text, limits) {
  if (!text.includes('BEGIN:VCALENDAR')) return { error: 'That address did not return an iCalendar (.ics) feed.' };
  // A feed cut off in transfer must not read as "no events" and clear the busy times.
  if (!text.includes('END:VCALENDAR')) return { error: 'The feed ended before END:VCALENDAR; it looks cut off.' };
  const total = countEvents(text);
  if (total > limits.maxEvents) return { error: `The feed has ${total} events; at most ${limits.maxEvents} are read.` };
  /** @type {import('./feed-expansion.d.mts').SkippedEvent[]} */
  const skipped = [];
  const components = parseTolerantly(text, skipped).flatMap((parsed) => Object.values(parsed));
  const from = new Date(limits.windowStart);
  const to = new Date(limits.windowEnd);
  const budget = { remaining: limits.iterationBudget };
  /** @type {import('./feed-expansion.d.mts').FeedInstance[]} */
  const events = [];
  for (const component of components) {
    const event = /** @type {import('node-ical').VEvent} */ (component);
    if (!event || event.type !== 'VEVENT') continue;
    if (event.status === 'CANCELLED' || event.transparency === 'TRANSPARENT' || !event.start) continue;
    const uid = String(event.uid ?? '(no UID)').slice(0, 200);
    try {
      const counted = event.rrule ? event.rrule._rrule?.options().count : undefined;
      if (event.rrule) {
        const rule = budgetedRule(event.rrule, limits.windowStart, budget);
        if (!rule) continue;
        event.rrule = rule;
      }
      const instances = ical.expandRecurringEvent(event, { from, to, expandOngoing: true });
      if (event.rrule && (counted === undefined || counted === null)) budget.remaining = Math.max(0, budget.remaining - instances.length);
      for (const instance of instances) {
        if (instance.event.status === 'CANCELLED' || instance.event.transparency === 'TRANSPARENT') continue;
        const start = new Date(instance.start).getTime();
        const end = new Date(instance.end ?? instance.start).getTime();
        if (!(end > start)) continue;
        if (events.length >= limits.maxInstances) return { events, skipped, truncated: true };
        events.push({ id: `${event.uid}/${new Date(start).toISOString()}`.slice(0, 1024), start, end });
      }
    } catch (error) {
      if (isIterationLimit(error)) budget.remaining = 0;
      const overBudget = error instanceof OverBudgetError || isIterationLimit(error);
      skipped.push({ uid, reason: overBudget ? 'repeats too often to read' : 'could not be read' });
    }
  }
  return { events, skipped, truncated: false };
}
