import { bestUnit, type DurationUnit } from '@/lib/duration-units';
import type en from '@/messages/en.json';

// The invitee's cut-off for changes, worked out and put into words in one place: no I/O, so the
// booking page, the manage pages (in the browser), the emails and the .ics all say what the API
// enforces (change-rules.ts). Every invitee-facing sentence about changes is built here, in the
// invitee's language: the words are the `policy` messages (messages/*.json), handed in as a translator
// (useTranslations('policy') on a page, policyWords(locale) from lib/i18n/translator for emails and
// the .ics). The host's and the API's words (formatDuration and friends) stay English.

const MINUTE_MS = 60_000;

/** The last instant an invitee may cancel or reschedule a meeting starting at `start` (epoch ms). */
export function changeDeadline(start: number, minChangeNoticeMinutes: number): number {
  return start - minChangeNoticeMinutes * MINUTE_MS;
}

const unitWords: Record<DurationUnit, [one: string, many: string]> = {
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
};

/** next-intl's translator for the `policy` messages, in the invitee's language. */
export type PolicyWords = (key: keyof (typeof en)['policy'], values?: Record<string, string | number>) => string;

/**
 * The one way a duration is written: "7 days", "12 hours", "90 minutes", "1 hour", in the largest
 * unit that holds it whole — the unit the meeting type form picks for the same value. English, for
 * hosts and the API; an invitee reads durationWords.
 */
export function formatDuration(minutes: number): string {
  const { amount, unit } = bestUnit(minutes, ['minutes', 'hours', 'days']);
  const [one, many] = unitWords[unit];
  return `${amount} ${amount === 1 ? one : many}`;
}

/** The same as a modifier: "45-minute", "1-hour", "7-day" (as in "a 15-minute buffer"). */
export function formatDurationAdjective(minutes: number): string {
  const { amount, unit } = bestUnit(minutes, ['minutes', 'hours', 'days']);
  return `${amount}-${unitWords[unit][0]}`;
}

/** A unit's name for a form's unit picker ("minutes"). */
export function unitName(unit: DurationUnit): string {
  return unitWords[unit][1];
}

export interface ChangePolicy {
  noticeMinutes: number;
  /** The real instant online changes closed (epoch ms): the start less the notice, or the moment of booking when that was later. */
  closesAt: number;
  /** The booking was made inside its cut-off: it could never be changed online. */
  closedWhenBooked: boolean;
  /** Changes are still possible online at `now` (the cut-off ahead and the meeting not started). */
  open: boolean;
}

export function changePolicy(input: { start: number; noticeMinutes: number; bookedAt: number; now: number }): ChangePolicy {
  const deadline = changeDeadline(input.start, input.noticeMinutes);
  const closedWhenBooked = input.bookedAt > deadline;
  return {
    noticeMinutes: input.noticeMinutes,
    closesAt: closedWhenBooked ? input.bookedAt : deadline,
    closedWhenBooked,
    open: input.now <= deadline && input.now < input.start,
  };
}

/** formatDuration in the invitee's language: "7 Tage", "1 heure", "90 minutos". */
export function durationWords(t: PolicyWords, minutes: number): string {
  const { amount, unit } = bestUnit(minutes, ['minutes', 'hours', 'days']);
  return t('duration', { unit, count: amount });
}

/** "You can reschedule or cancel until 7 days before the meeting." — the policy, stated up front. */
export function policySentence(t: PolicyWords, noticeMinutes: number): string {
  if (noticeMinutes === 0) return t('openUntilStart');
  return t('open', { notice: durationWords(t, noticeMinutes) });
}

/**
 * Why this booking cannot be changed online any more. `closedAt` is `policy.closesAt` already written
 * in the invitee's zone and language; `started` when the meeting has begun.
 */
export function changesClosedSentence(t: PolicyWords, policy: ChangePolicy, closedAt: string, started = false): string {
  if (started || policy.noticeMinutes === 0) return t('started');
  const notice = durationWords(t, policy.noticeMinutes);
  if (policy.closedWhenBooked) return t('closedWhenBooked', { notice });
  return t('closedOn', { closedAt, notice });
}

/** The same, without a date: for an email or calendar entry, read later than it is written. */
export function changesClosedNote(t: PolicyWords, noticeMinutes: number): string {
  return t('closedNote', { notice: durationWords(t, noticeMinutes) });
}

/** How to reach the host instead; `where` is what the invitee is reading. */
export function reachHostSentence(t: PolicyWords, hostName: string, where: 'email' | 'page'): string {
  return where === 'email' ? t('reachByEmail', { host: hostName }) : t('reachByPage', { host: hostName });
}

/** The host's own contact line, labelled ("Contact: call 020 7946 0000"). */
export function contactSentence(t: PolicyWords, contactLine: string): string {
  return t('contact', { line: contactLine });
}

/**
 * The change policy as lines for a calendar entry or an email: the policy while changes are open,
 * else why they are closed and how to reach the host (their reply-to, and their contact line).
 */
export function inviteChangeLines(t: PolicyWords, input: { open: boolean; noticeMinutes: number; hostName: string; contactLine: string | null; where: 'email' | 'page' }): string[] {
  if (input.open) return [policySentence(t, input.noticeMinutes)];
  return [changesClosedNote(t, input.noticeMinutes), reachHostSentence(t, input.hostName, input.where), ...(input.contactLine ? [contactSentence(t, input.contactLine)] : [])];
}
