import 'server-only';
import { bookingCancelledLayout } from '@/emails/booking-cancelled-email';
import { bookingConfirmedLayout } from '@/emails/booking-confirmed-email';
import { bookingReminderLayout } from '@/emails/booking-reminder-email';
import { bookingRescheduledLayout } from '@/emails/booking-rescheduled-email';
import { newTimeRequestedLayout } from '@/emails/new-time-requested-email';
import { bookingRequestLayout } from '@/emails/booking-request-email';
import { requestDeclinedLayout } from '@/emails/request-declined-email';
import { approvalLink, issuedApprovalToken } from '@/lib/booking/approval-links';
import type { AnswerBlock, BookingEmailData, BookingEmailProps } from '@/emails/components/booking-email';
import { changePolicy, inviteChangeLines } from '@/lib/booking/change-policy';
import { inviteEvent } from '@/lib/booking/invite-event';
import { inviteFile } from '@/lib/booking/invite-file';
import { hostBookingUrl } from '@/lib/app-urls';
import { inviteUid } from '@/lib/booking/reschedule-chain';
import { bookingLink, issuedToken, type TokenPurpose } from '@/lib/booking/tokens';
import { env } from '@/lib/env';
import { defaultLocale, isLocale, type Locale, LOCALE_PARAM } from '@/lib/i18n/locales';
import { answerWordsFor, approvalTranslator, emailTranslator, inviteWords, policyWords } from '@/lib/i18n/translator';
import { answerItems, answerLines } from '@/lib/answer-text';
import type { EmailAttachment } from '@/db/schema';
import type { BookingNotice } from './booking-notice';
import { headerText } from './header-text';
import type { ChangedBy, NoticeKind, Recipient } from './notice-kinds';
import { formatMeetingTime, formatSubjectTime, formatTimeZone, type Reader } from './when';
import { resolveHourCycle } from '@/lib/hosts/host-clock';

// Which words, times and files one recipient gets for one notice. Templates lay the words out;
// this decides them, in the recipient's own zone (the invitee's from the booking, the host's from
// settings) and language (the invitee's: the one they booked in, bookings.locale; hosts: English).

export interface NoticeContext {
  /** cancellation */
  reason?: string | null;
  cancelledBy?: ChangedBy;
  /** rescheduled */
  previous?: { start: Date; end: Date } | null;
  rescheduledBy?: ChangedBy;
  /** rescheduled by the host */
  message?: string | null;
  /** request_declined: by the host, or expired unanswered (`system`) */
  declinedBy?: 'host' | 'system';
}

export interface ComposedEmail {
  to: string;
  replyTo: string;
  subject: string;
  /** What the message says; deliverEmail renders it as HTML and as plain text. */
  layout: BookingEmailProps;
  attachments: EmailAttachment[];
}

const appUrl = () => env().APP_URL.replace(/\/$/, '');

/** The recipient's language: the invitee's booking's (an unknown stored value reads as English); hosts get English. */
function localeFor(notice: BookingNotice, recipient: Recipient): Locale {
  return recipient === 'invitee' && isLocale(notice.booking.locale) ? notice.booking.locale : defaultLocale;
}

/** An invitee page link that opens in the language of the booking, on whatever browser follows it. */
function inLanguage(url: string, locale: Locale): string {
  if (locale === defaultLocale) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${LOCALE_PARAM}=${locale}`;
}

function link(notice: BookingNotice, purpose: TokenPurpose): string | null {
  const token = issuedToken(notice.booking, purpose);
  return token === null ? null : inLanguage(bookingLink(notice.booking.id, purpose, token), localeFor(notice, 'invitee'));
}

/** The host's Approve and Decline pages for a pending request (one token serves both). */
function approvalLinks(notice: BookingNotice) {
  const token = issuedApprovalToken(notice.booking);
  if (token === null) return { approveUrl: null, declineUrl: null };
  return { approveUrl: approvalLink(notice.booking.id, 'approve', token), declineUrl: approvalLink(notice.booking.id, 'decline', token) };
}

/** Whether the invitee may still change the booking online as this is written (change-policy.ts). */
function changesOpen(notice: BookingNotice, now: Date): boolean {
  const { booking, meetingType } = notice;
  return changePolicy({ start: booking.startTime.getTime(), noticeMinutes: meetingType.minChangeNoticeMinutes, bookedAt: booking.createdAt.getTime(), now: now.getTime() }).open;
}

/** The invitee's lines about changes, in their language: the policy, or (inside the cut-off) how to reach the host. */
function changeLines(notice: BookingNotice, open: boolean, where: 'email' | 'page'): string[] {
  const { host, meetingType } = notice;
  return inviteChangeLines(policyWords(localeFor(notice, 'invitee')), { open, noticeMinutes: meetingType.minChangeNoticeMinutes, hostName: host.name, contactLine: meetingType.contactLine, where });
}

/** How a recipient reads times: the host in English on their own clock; the invitee in their booking's language, on its clock. */
const readerOf = (notice: BookingNotice, recipient: Recipient): Reader => (recipient === 'host' ? resolveHourCycle(notice.host) : localeFor(notice, 'invitee'));

/** The host's "3 of 10 seats taken" (English, as every host email). */
function seatsLine({ seatsTaken, meetingType }: BookingNotice): { title: string; text: string } | null {
  if (seatsTaken === null || meetingType.seatsPerSlot === null) return null;
  return { title: 'Seats', text: `${seatsTaken} of ${meetingType.seatsPerSlot} seats taken` };
}

function emailData(notice: BookingNotice, recipient: Recipient, live: boolean, now: Date): BookingEmailData {
  const { booking, host, meetingType } = notice;
  const zone = recipient === 'invitee' ? booking.inviteeTimezone : host.timeZone;
  const toInvitee = recipient === 'invitee';
  const locale = localeFor(notice, recipient);
  // Inside the cut-off the links could never work: none, and how to reach the host instead.
  const open = changesOpen(notice, now);
  return {
    recipient,
    t: emailTranslator(locale),
    meetingName: meetingType.name,
    hostName: host.name,
    inviteeName: booking.inviteeName,
    inviteeEmail: booking.inviteeEmail,
    when: formatMeetingTime(booking.startTime, booking.endTime, zone, readerOf(notice, recipient)),
    timeZone: formatTimeZone(zone, booking.startTime),
    // The video link the host's calendar made for this booking (write-back), else the meeting type's place.
    location: booking.calendarJoinUrl ?? (meetingType.location?.trim() || null),
    notes: booking.notes,
    rescheduleUrl: toInvitee && live && open ? link(notice, 'reschedule') : null,
    cancelUrl: toInvitee && live && open ? link(notice, 'cancel') : null,
    changeLines: toInvitee && live ? changeLines(notice, open, 'email') : [],
    dashboardUrl: toInvitee ? null : hostBookingUrl(booking.id),
    seats: toInvitee ? null : seatsLine(notice),
  };
}

/**
 * The invitee's answers, as this email shows them: to the host in every email about the booking, to
 * the invitee only in their confirmation of a time (booked or moved), and to no one else.
 */
function answerBlock(notice: BookingNotice, kind: NoticeKind, recipient: Recipient): AnswerBlock | null {
  if (recipient === 'invitee' && kind !== 'confirmation' && kind !== 'rescheduled' && kind !== 'booking_request') return null;
  const words = answerWordsFor(localeFor(notice, recipient));
  const items = answerItems(notice.booking.answers, words);
  return items.length === 0 ? null : { title: recipient === 'invitee' ? words.yours : words.host, items };
}

/** The calendar file: the invitee's carries their manage links; the host's names the booking's dashboard page instead. */
function invitation(notice: BookingNotice, kind: NoticeKind, recipient: Recipient, now: Date): EmailAttachment[] {
  if (kind !== 'confirmation' && kind !== 'rescheduled' && kind !== 'cancellation') return [];
  const { booking, host, meetingType, chain } = notice;
  const cancelled = kind === 'cancellation';
  const toInvitee = recipient === 'invitee' && !cancelled;
  const open = changesOpen(notice, now);
  const withLinks = toInvitee && open;
  const event = inviteEvent({
    start: booking.startTime,
    end: booking.endTime,
    meetingName: meetingType.name,
    hostName: host.name,
    location: booking.calendarJoinUrl ?? meetingType.location,
    cancelUrl: withLinks ? (link(notice, 'cancel') ?? undefined) : undefined,
    rescheduleUrl: withLinks ? (link(notice, 'reschedule') ?? undefined) : undefined,
    words: inviteWords(localeFor(notice, recipient), { meeting: meetingType.name, host: host.name }),
    changeLines: toInvitee ? changeLines(notice, open, 'page') : undefined,
  });
  if (recipient === 'host' && !cancelled) event.description = [`Booking: ${hostBookingUrl(booking.id)}`, ...answerLines(booking.answers)].join('\n');
  const content = inviteFile({
    ...event,
    uid: inviteUid(chain.rootId),
    sequence: chain.hops + (cancelled ? 1 : 0),
    cancelled,
    stamp: new Date(),
    method: cancelled ? 'CANCEL' : 'REQUEST',
    organizer: { name: host.name, email: host.email },
    attendee: { name: booking.inviteeName, email: booking.inviteeEmail },
  });
  return [{ filename: cancelled ? 'cancel.ics' : 'invite.ics', contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'REQUEST'}`, content }];
}

function whoChanged(by: ChangedBy | undefined, recipient: Recipient, notice: BookingNotice): string {
  if (by === 'system') return 'Rendezvous';
  const actor = by ?? 'invitee';
  if (actor === recipient) return 'you';
  return actor === 'host' ? notice.host.name : notice.booking.inviteeName;
}

/** The time actually left (a reminder may run late): 23 hours, 1 hour (from 55 minutes), 40 minutes. */
export function startsIn(start: Date, now: Date): { unit: 'hours' | 'minutes'; count: number } {
  const minutes = Math.max(1, Math.round((start.getTime() - now.getTime()) / 60_000));
  if (minutes < 90) return minutes >= 55 ? { unit: 'hours', count: 1 } : { unit: 'minutes', count: minutes };
  return { unit: 'hours', count: Math.round(minutes / 60) };
}

/** The email `recipient` gets about `kind` for this booking. */
export function composeEmail(notice: BookingNotice, kind: NoticeKind, recipient: Recipient, context: NoticeContext = {}, now = new Date()): ComposedEmail {
  const { booking, host, meetingType } = notice;
  const zone = recipient === 'invitee' ? booking.inviteeTimezone : host.timeZone;
  const locale = localeFor(notice, recipient);
  // A collective booking's invitee meets every member: they are all named.
  const withWhom = recipient === 'invitee' ? notice.hostNames.join(', ') : booking.inviteeName;
  const bookAgainUrl = inLanguage(notice.team ? `${appUrl()}/team/${notice.team.slug}/${meetingType.slug}` : `${appUrl()}/${host.username}/${meetingType.slug}`, locale);
  const reader = readerOf(notice, recipient);
  // A request is not a meeting yet, and a refused one never was: no manage links, no policy lines.
  const live = kind !== 'cancellation' && kind !== 'booking_request' && kind !== 'request_declined';
  const data = { ...emailData(notice, recipient, live, now), answers: answerBlock(notice, kind, recipient) };
  const { t } = data;
  const left = t('startsIn', startsIn(booking.startTime, now));
  const words = { meeting: meetingType.name, withWhom, at: formatSubjectTime(booking.startTime, zone, reader), startsIn: left };
  const subjects: Record<NoticeKind, string> = {
    confirmation: recipient === 'invitee' ? t('subjectConfirmed', words) : t('subjectNewBooking', words),
    reminder_24h: t('subjectReminder', words),
    reminder_1h: t('subjectStarting', words),
    cancellation: t('subjectCancelled', words),
    rescheduled: t('subjectRescheduled', words),
    new_time_request: t('subjectNewTimeRequest', words),
    booking_request: recipient === 'invitee' ? approvalTranslator(locale)('subjectRequestReceived', words) : `Approve or decline: ${meetingType.name} with ${withWhom} on ${words.at}`,
    request_declined: approvalTranslator(locale)('subjectDeclined', words),
  };
  const layouts: Record<NoticeKind, () => BookingEmailProps> = {
    confirmation: () => bookingConfirmedLayout(data),
    reminder_24h: () => bookingReminderLayout({ ...data, startsIn: left }),
    reminder_1h: () => bookingReminderLayout({ ...data, startsIn: left }),
    cancellation: () =>
      bookingCancelledLayout({
        ...data,
        reason: context.reason?.trim() || null,
        cancelledBy: whoChanged(context.cancelledBy, recipient, notice),
        bookAgainUrl: recipient === 'invitee' ? bookAgainUrl : null,
      }),
    rescheduled: () =>
      bookingRescheduledLayout({
        ...data,
        previousWhen: context.previous ? formatMeetingTime(context.previous.start, context.previous.end, zone, reader) : t('earlierTime'),
        movedBy: whoChanged(context.rescheduledBy, recipient, notice),
        movedByHost: context.rescheduledBy === 'host',
        hostMessage: recipient === 'invitee' ? context.message?.trim() || null : null,
      }),
    new_time_request: () => newTimeRequestedLayout({ ...data, hostMessage: booking.newTimeRequestMessage?.trim() || null }),
    booking_request: () =>
      bookingRequestLayout({
        ...data,
        approval: approvalTranslator(locale),
        withdrawUrl: recipient === 'invitee' ? link(notice, 'cancel') : null,
        ...(recipient === 'host' ? approvalLinks(notice) : { approveUrl: null, declineUrl: null }),
        answerBy: recipient === 'host' && booking.approvalExpiresAt && booking.approvalExpiresAt < booking.startTime ? formatSubjectTime(booking.approvalExpiresAt, zone, reader) : null,
      }),
    request_declined: () =>
      requestDeclinedLayout({
        ...data,
        approval: approvalTranslator(locale),
        expired: context.declinedBy === 'system',
        reason: context.reason?.trim() || null,
        bookAgainUrl,
      }),
  };
  return {
    to: recipient === 'invitee' ? booking.inviteeEmail : host.email,
    replyTo: recipient === 'invitee' ? host.email : booking.inviteeEmail,
    subject: headerText(subjects[kind]),
    layout: layouts[kind](),
    attachments: invitation(notice, kind, recipient, now),
  };
}
