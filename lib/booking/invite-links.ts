import type { InviteEvent } from './invite-event';

// "Add to calendar" links that open Google Calendar or Outlook on the web with the event prefilled.
// Every value is URL-encoded: the invitee's name can sit in the text and must not break the query.

function query(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
}

/** 2026-03-01T09:30:00.000Z → 20260301T093000Z, the compact UTC form Google expects. */
function compactUtc(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

const isoUtc = (instant: Date) => instant.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function googleCalendarUrl(event: InviteEvent): string {
  return `https://calendar.google.com/calendar/render?${query({
    action: 'TEMPLATE',
    text: event.summary,
    dates: `${compactUtc(event.start)}/${compactUtc(event.end)}`,
    details: event.description,
    location: event.location ?? undefined,
  })}`;
}

export function outlookCalendarUrl(event: InviteEvent): string {
  return `https://outlook.live.com/calendar/0/deeplink/compose?${query({
    subject: event.summary,
    startdt: isoUtc(event.start),
    enddt: isoUtc(event.end),
    body: event.description,
    location: event.location ?? undefined,
    path: '/calendar/action/compose',
    rru: 'addevent',
  })}`;
}

/**
 * Where the booking's .ics file is downloaded, made from one of its management links (either token
 * opens it). Null when the reply carries neither link.
 */
export function inviteFileHref(booking: { id: string; cancelUrl?: string | undefined; rescheduleUrl?: string | undefined }): string | null {
  const link = booking.cancelUrl ?? booking.rescheduleUrl;
  const token = link ? new URL(link).searchParams.get('token') : null;
  if (!token) return null;
  return `/api/v1/bookings/${encodeURIComponent(booking.id)}/ics?token=${encodeURIComponent(token)}`;
}
