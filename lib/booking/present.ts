import type { BookingRow } from './insert-booking';
import { bookingLink, issuedToken, type TokenPurpose } from './tokens';

const allLinks: readonly TokenPurpose[] = ['cancel', 'reschedule'];

/**
 * The public JSON shape of a booking (the API contract). `status` is `pending` for a request awaiting
 * the host's approval (then `confirmed`, or `declined` / `expired`), so embeds and integrators can tell. `links` says which management links the
 * caller may see: a caller holding only the cancel link must not learn the reschedule link.
 */
export function presentBooking(row: BookingRow, links: readonly TokenPurpose[] = allLinks, hosts?: string[]) {
  const url = (purpose: TokenPurpose) => {
    if (!links.includes(purpose)) return undefined;
    // A request awaiting the host is withdrawn, never moved.
    if (purpose === 'reschedule' && row.status === 'pending') return undefined;
    const token = issuedToken(row, purpose);
    return token === null ? undefined : bookingLink(row.id, purpose, token);
  };
  return {
    id: row.id,
    status: row.status,
    meetingTypeId: row.meetingTypeId,
    start: row.startTime.toISOString(),
    end: row.endTime.toISOString(),
    name: row.inviteeName,
    email: row.inviteeEmail,
    timezone: row.inviteeTimezone,
    // The invitee's own answers, labels as asked (only ever in replies to that invitee's requests and links).
    answers: row.answers ?? [],
    cancelUrl: url('cancel'),
    rescheduleUrl: url('reschedule'),
    // A team booking, as made or moved: who the invitee meets (the assigned member, or every member of a collective).
    ...(hosts ? { hosts } : {}),
  };
}

export type PublicBooking = ReturnType<typeof presentBooking>;
