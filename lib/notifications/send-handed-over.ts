import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { bookings, users } from '@/db/schema';
import { detailsOf, type BookingEmailProps } from '@/emails/components/booking-email';
import { hostBookingUrl } from '@/lib/app-urls';
import { localeFromTag } from '@/lib/i18n/negotiate-locale';
import { defaultLocale } from '@/lib/i18n/locales';
import { emailTranslator } from '@/lib/i18n/translator';
import { loadBookingNotice } from './booking-notice';
import type { ComposedEmail } from './compose-email';
import { deliverEmail } from './deliver-email';
import { headerText } from './header-text';
import { mayMailHostAddress } from './host-address-policy';
import type { SendOutcome } from './send-notices';
import { formatMeetingTime, formatSubjectTime, formatTimeZone } from './when';

// A round-robin booking handed to another member (the invitee moved it to a time its member is busy
// at, or the member left the team): the member who had it is told who has it now, in their own
// language (users.locale, as the team invitation). The new member and the invitee get the ordinary
// "rescheduled" emails; the old calendar entry is deleted by the write-back. Once per old booking and
// address (email_notifications, kind `handed_over`, keyed on the old booking).

export async function sendHandedOver(deps: { database: Database }, bookingId: string, previousBookingId: string): Promise<SendOutcome> {
  const [previous] = await deps.database
    .select({ booking: bookings, host: { name: users.name, email: users.email, locale: users.locale, timeZone: users.timeZone, emailVerified: users.emailVerified, deletedAt: users.deletedAt } })
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.hostUserId))
    .where(eq(bookings.id, previousBookingId));
  // Every move runs this: the usual one (same host) stops at one small read.
  const [next] = await deps.database.select({ hostUserId: bookings.hostUserId }).from(bookings).where(eq(bookings.id, bookingId));
  if (!previous || !next || previous.booking.hostUserId === next.hostUserId) return 'skipped';
  const notice = await loadBookingNotice(deps.database, bookingId);
  if (!notice || !notice.team) return 'skipped';
  // Only a round-robin hand-over: a collective member keeps attending through their own row.
  if (previous.booking.collectiveLeadId !== null || notice.booking.collectiveLeadId !== null || notice.hostNames.length > 1) return 'skipped';
  const oldHost = previous.host;
  if (!mayMailHostAddress('rescheduled', oldHost.emailVerified !== null && oldHost.deletedAt === null)) return 'skipped';
  return deliverEmail(deps.database, previousBookingId, 'handed_over', composeHandedOver(notice, previous.booking, oldHost));
}

type Notice = NonNullable<Awaited<ReturnType<typeof loadBookingNotice>>>;

export function composeHandedOver(notice: Notice, previous: typeof bookings.$inferSelect, oldHost: { name: string; email: string; locale: string | null; timeZone: string }): ComposedEmail {
  const locale = localeFromTag(oldHost.locale) ?? defaultLocale;
  const t = emailTranslator(locale);
  const { booking, meetingType, host: newHost } = notice;
  const zone = oldHost.timeZone;
  const words = { meeting: meetingType.name, withWhom: booking.inviteeName, member: newHost.name, at: formatSubjectTime(booking.startTime, zone, locale) };
  const data = {
    recipient: 'host' as const,
    t,
    meetingName: meetingType.name,
    hostName: oldHost.name,
    inviteeName: booking.inviteeName,
    inviteeEmail: booking.inviteeEmail,
    when: formatMeetingTime(booking.startTime, booking.endTime, zone, locale),
    timeZone: formatTimeZone(zone, booking.startTime),
    location: null,
    notes: null,
    rescheduleUrl: null,
    cancelUrl: null,
    changeLines: [],
    dashboardUrl: null,
  };
  const moved = previous.startTime.getTime() !== booking.startTime.getTime() || previous.endTime.getTime() !== booking.endTime.getTime();
  const layout: BookingEmailProps = {
    ...detailsOf(data),
    previousWhen: moved ? formatMeetingTime(previous.startTime, previous.endTime, zone, locale) : null,
    preview: t('handedOverPreview', words),
    heading: t('handedOverHeading', words),
    intro: t('handedOverIntro', words),
    actions: [{ label: t('actionViewBooking'), href: hostBookingUrl(previous.id) }],
  };
  return { to: oldHost.email, replyTo: booking.inviteeEmail, subject: headerText(t('subjectHandedOver', words)), layout, attachments: [] };
}
