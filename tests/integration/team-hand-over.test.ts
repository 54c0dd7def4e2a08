import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, emailNotifications, teamMembers, users } from '@/db/schema';
import { reassignRemovedMemberBookings } from '@/lib/booking/team/reassign-removed-member';
import { cacheStore } from '@/lib/cache';
import { sendHandedOver } from '@/lib/notifications/send-handed-over';
import { insertBookingRow, inviteeFor } from '../factories';
import { book, reschedule, tokenOf } from './api';
import { connect } from './calendar-helpers';
import { inlineJobsWithGoogle } from './inline-jobs-google';
import { isolatedDatabase } from './isolated-database';
import { createTeamType } from './team-booking-fixtures';

// A round-robin booking handed to another member, with inline jobs end to end: the member who had it
// gets one "now belongs to X" email in their own language, the new member and the invitee the
// ordinary "rescheduled" emails, and the old entry leaves the old member's calendar.

const { database } = isolatedDatabase('rendezvous_team_hand_over');
const at = (hourUtc: number, minute = 0) => new Date(Date.UTC(2027, 0, 11, hourUtc, minute)).toISOString();
const row = async (id: string) => (await database().select().from(bookings).where(eq(bookings.id, id)))[0]!;
const mailOf = (ids: string[]) => database().select().from(emailNotifications).where(inArray(emailNotifications.bookingId, ids));
const jobs = inlineJobsWithGoogle();
const { settled } = jobs;

/**
 * Two members; the first (priority 4) gets every booking first. Both connect the one fake calendar
 * (so each sees the other's entries as busy) unless only the first should.
 */
async function twoMembers(connected: 'both' | 'first' = 'both') {
  const { team, meetingType, members } = await createTeamType(database(), { schedulingType: 'round_robin', members: [{ priority: 4 }, {}] });
  for (const member of connected === 'both' ? members : members.slice(0, 1)) await connect(database(), 'google', member.id);
  const [first, second] = members as [(typeof members)[number], (typeof members)[number]];
  return { team, meetingType, first, second };
}

describe('a round-robin booking handed to another member', () => {
  it('on an invitee reschedule: the old member is told in their language, once, and their calendar entry is gone', async () => {
    const { meetingType, first, second } = await twoMembers();
    await database().update(users).set({ locale: 'de' }).where(eq(users.id, first.id));
    const invitee = inviteeFor(meetingType.id, at(15));
    const booked = await book(invitee);
    await settled();
    const original = await row(booked.body.booking.id);
    expect(original.hostUserId).toBe(first.id);
    expect(original.calendarEventId).not.toBeNull();
    expect(jobs.fake().store.get(jobs.fake().store.accountEmail, original.calendarEventId!)?.status).toBe('confirmed');

    // The first member is busy at the new time: the second takes it.
    await insertBookingRow(database(), { hostUserId: first.id, meetingTypeId: meetingType.id, start: at(19), end: at(19, 30) });
    const moved = await reschedule(original.id, { token: tokenOf(booked.body.booking.rescheduleUrl), start: at(19) });
    expect(moved.status).toBe(201);
    await settled();
    const next = await row(moved.body.booking.id);
    expect(next.hostUserId).toBe(second.id);

    const mail = await mailOf([original.id, next.id]);
    const rows = mail.filter((m) => m.notificationType !== 'confirmation').map((m) => [m.bookingId, m.notificationType, m.recipientEmail]);
    expect(rows.sort()).toEqual(
      [
        [original.id, 'handed_over', first.email],
        [next.id, 'rescheduled', second.email],
        [next.id, 'rescheduled', invitee.email],
      ].sort(),
    );
    const note = mail.find((m) => m.notificationType === 'handed_over')!;
    expect(note.subject).toContain(second.name);
    expect(note.subject).toMatch(/^Übergeben:/);
    expect(note.textBody).toContain(`Diese Buchung gehört jetzt ${second.name}`);
    expect(note.textBody).toContain(`/dashboard/bookings/${original.id}`);

    // The old member's entry is deleted; the new member's is written.
    expect(jobs.fake().store.get(jobs.fake().store.accountEmail, original.calendarEventId!)?.status).toBe('cancelled');
    expect(next.calendarEventId).not.toBeNull();
    expect(jobs.fake().store.get(jobs.fake().store.accountEmail, next.calendarEventId!)?.status).toBe('confirmed');

    // A retried job sends nothing more.
    expect(await sendHandedOver({ database: database() }, next.id, original.id)).toBe('captured');
    expect((await mailOf([original.id])).filter((m) => m.notificationType === 'handed_over')).toHaveLength(1);
  });

  it('tells nobody of a hand-over when the same member keeps the booking', async () => {
    const { meetingType, first } = await twoMembers();
    const booked = await book(inviteeFor(meetingType.id, at(15)));
    const moved = await reschedule(booked.body.booking.id, { token: tokenOf(booked.body.booking.rescheduleUrl), start: at(19) });
    await settled();
    expect((await row(moved.body.booking.id)).hostUserId).toBe(first.id);
    expect(await sendHandedOver({ database: database() }, moved.body.booking.id, booked.body.booking.id)).toBe('skipped');
    const mail = await mailOf([booked.body.booking.id, moved.body.booking.id]);
    expect(mail.map((m) => m.notificationType)).not.toContain('handed_over');
  });

  it('on team/member-removed: the removed member is told in English who has it now, and their entry is gone', async () => {
    const { team, meetingType, first, second } = await twoMembers('first');
    const booked = await book(inviteeFor(meetingType.id, at(16)));
    await settled();
    const original = await row(booked.body.booking.id);
    expect(original.hostUserId).toBe(first.id);
    await database().delete(teamMembers).where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, first.id)));
    const outcomes = await reassignRemovedMemberBookings({ database: database(), store: cacheStore() }, { teamId: team.id, userId: first.id, now: Date.now() });
    expect(outcomes).toEqual([{ bookingId: original.id, outcome: 'reassigned', to: second.id }]);
    await settled();
    const [next] = await database().select().from(bookings).where(eq(bookings.rescheduledFromId, original.id));
    expect(next?.hostUserId).toBe(second.id);
    const note = (await mailOf([original.id])).filter((m) => m.notificationType === 'handed_over');
    expect(note.map((m) => m.recipientEmail)).toEqual([first.email]);
    expect(note[0]!.subject).toMatch(new RegExp(`^Handed over: ${meetingType.name} with ${original.inviteeName}, .+, now with ${second.name}$`));
    // Same time: no "was" line.
    expect(note[0]!.textBody).not.toMatch(/^Was:/m);
    expect(jobs.fake().store.get(jobs.fake().store.accountEmail, original.calendarEventId!)?.status).toBe('cancelled');
    expect(jobs.fake().store.live(jobs.fake().store.accountEmail)).toEqual([]);
  });
});
