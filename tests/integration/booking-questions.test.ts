import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { updateMeetingTypeAction } from '@/app/dashboard/meeting-types/actions';
import { bookings, meetingTypes } from '@/db/schema';
import { exportHostData } from '@/lib/accounts/export-data';
import { writeBookingEvent } from '@/lib/calendars/write-back';
import { findHostBooking } from '@/lib/hosts/bookings/detail';
import { hostContext } from '@/lib/hosts/host-write';
import { findPublicMeetingTypeById } from '@/lib/hosts/public-meeting-type';
import { loadBookingNotice } from '@/lib/notifications/booking-notice';
import { composeEmail } from '@/lib/notifications/compose-email';
import { bookingEmailText } from '@/emails/components/booking-email';
import { startGoogleFake, type GoogleFake } from '../fakes/google/google-fake';
import { createBookableHost, inviteeFor, uniqueSuffix } from '../factories';
import { signInAs } from '../setup/mock-current-host';
import { book, reschedule, tokenOf } from './api';
import { connect, depsFor, recordSyncRequests, useProviderFake } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// Custom booking questions end to end below the browser: the editor's action stores them, the
// public API checks answers against them (422 per question), stores each with its label as asked,
// and every place the host or that invitee reads the booking shows the answers.

const database = connectTestDatabase();
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const MONDAY_2PM_NY = '2027-01-11T19:00:00.000Z';

const questions = [
  { id: 'company', type: 'short_text', label: 'Company', required: true },
  { id: 'topics', type: 'multiple_choice', label: 'Topics', options: ['Pricing', 'Security'] },
  { id: 'terms', type: 'checkbox', label: 'I agree to the terms', required: true },
  { id: 'seats', type: 'number', label: 'Seats', min: 1, max: 100 },
];

/** The edit form as the dashboard sends it, with the questions as one JSON field. */
function editForm(meetingTypeId: string, slug: string, bookingQuestions: unknown) {
  const data = new FormData();
  const fields: Record<string, string> = {
    id: meetingTypeId,
    name: 'Intro call',
    slug,
    durationMinutes: '30',
    bufferBeforeMinutes: '0',
    bufferAfterMinutes: '0',
    minNoticeMinutes: '0',
    maxDaysInFuture: '730',
    color: '#3b82f6',
    isActive: 'on',
    minChangeNoticeMinutes: '0',
    ...(bookingQuestions === undefined ? {} : { bookingQuestions: typeof bookingQuestions === 'string' ? bookingQuestions : JSON.stringify(bookingQuestions) }),
  };
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function hostWithQuestions() {
  const slug = `intro-${uniqueSuffix()}`;
  const { host, meetingType } = await createBookableHost(database, { name: 'Intro call', slug });
  signInAs(host.id);
  const saved = await updateMeetingTypeAction(editForm(meetingType.id, slug, questions));
  expect(saved.ok).toBe(true);
  return { host, meetingType, slug };
}

const goodAnswers = { company: 'Acme', topics: ['Security', 'Pricing'], terms: true, seats: 12 };

describe('the question editor (meeting type action)', () => {
  it('stores the questions, gives a new question an id, and leaves them alone when a form does not send them', async () => {
    const { meetingType, slug } = await hostWithQuestions();
    const added = await updateMeetingTypeAction(editForm(meetingType.id, slug, [...questions, { type: 'phone', label: 'Phone' }]));
    expect(added.ok).toBe(true);
    const [row] = await database.select({ questions: meetingTypes.bookingQuestions }).from(meetingTypes).where(eq(meetingTypes.id, meetingType.id));
    expect(row?.questions).toHaveLength(5);
    expect((row?.questions[4] as { id: string }).id).toMatch(/^q[0-9a-f]{8}$/);

    expect((await updateMeetingTypeAction(editForm(meetingType.id, slug, undefined))).ok).toBe(true);
    const publicType = await findPublicMeetingTypeById(database, meetingType.id);
    expect(publicType?.questions.map((q) => q.label)).toEqual(['Company', 'Topics', 'I agree to the terms', 'Seats', 'Phone']);
  });

  it('answers field errors beside the wrong question and stores nothing', async () => {
    const { meetingType, slug } = await hostWithQuestions();
    const refused = await updateMeetingTypeAction(
      editForm(meetingType.id, slug, [{ type: 'short_text', label: '' }, { type: 'single_choice', label: 'Pick', options: ['Only one'] }]),
    );
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(Object.keys(refused.error.fieldErrors ?? {}).sort()).toEqual(['bookingQuestions.0.label', 'bookingQuestions.1.options']);
    const tooMany = await updateMeetingTypeAction(editForm(meetingType.id, slug, Array.from({ length: 21 }, (_, i) => ({ type: 'short_text', label: `Q${i}` }))));
    expect(tooMany.ok ? {} : tooMany.error.fieldErrors).toEqual({ bookingQuestions: 'Ask at most 20 questions' });
    const [row] = await database.select({ questions: meetingTypes.bookingQuestions }).from(meetingTypes).where(eq(meetingTypes.id, meetingType.id));
    expect(row?.questions).toHaveLength(4);
  });

  it('is bounded by Postgres too: more than 20 questions are refused whatever writes them', async () => {
    const { meetingType } = await hostWithQuestions();
    const many = Array.from({ length: 21 }, (_, i) => ({ id: `q${i}`, type: 'short_text', label: 'Q', required: false }));
    await expect(database.update(meetingTypes).set({ bookingQuestions: many }).where(eq(meetingTypes.id, meetingType.id))).rejects.toThrow();
  });
});

describe('answers through POST /api/v1/bookings', () => {
  it('stores canonical answers with the labels as asked and replies with them', async () => {
    const { meetingType } = await hostWithQuestions();
    const reply = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { answers: { ...goodAnswers, company: '  Acme  ' } }));
    expect(reply.status).toBe(201);
    const expected = [
      { questionId: 'company', label: 'Company', type: 'short_text', value: 'Acme' },
      { questionId: 'topics', label: 'Topics', type: 'multiple_choice', value: ['Pricing', 'Security'] },
      { questionId: 'terms', label: 'I agree to the terms', type: 'checkbox', value: true },
      { questionId: 'seats', label: 'Seats', type: 'number', value: 12 },
    ];
    expect((reply.body.booking as { answers?: unknown }).answers).toEqual(expected);
    const [row] = await database.select({ answers: bookings.answers }).from(bookings).where(eq(bookings.id, reply.body.booking.id));
    expect(row?.answers).toEqual(expected);
  });

  it.each([
    ['an unknown question', { ...goodAnswers, shoeSize: '44' }, { 'answers.shoeSize': 'unknown_question' }],
    ['a missing required answer', { terms: true }, { 'answers.company': 'required' }],
    ['an answer that is too long', { ...goodAnswers, company: 'x'.repeat(501) }, { 'answers.company': 'too_long' }],
    ['a control character', { ...goodAnswers, company: 'Ac\u0000me' }, { 'answers.company': 'control_characters' }],
    ['a wrong type', { ...goodAnswers, terms: 'yes' }, { 'answers.terms': 'wrong_type' }],
    ['too many choices', { ...goodAnswers, topics: ['Pricing', 'Security', 'Pricing'] }, { 'answers.topics': 'too_many_choices' }],
    ['a choice that is no option', { ...goodAnswers, topics: ['Golf'] }, { 'answers.topics': 'not_an_option' }],
    ['a number out of range', { ...goodAnswers, seats: 1000 }, { 'answers.seats': 'too_large' }],
  ])('refuses %s with 422 and field details keyed by the question, booking nothing', async (_name, answers, reasons) => {
    const { meetingType } = await hostWithQuestions();
    const reply = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { answers }));
    expect(reply.status).toBe(422);
    const details = reply.body.error?.details as { fieldErrors: Record<string, string>; fieldReasons: Record<string, { reason: string }> };
    expect(reply.body.error?.code).toBe('unprocessable');
    expect(Object.fromEntries(Object.entries(details.fieldReasons).map(([field, { reason }]) => [field, reason]))).toEqual(reasons);
    expect(Object.keys(details.fieldErrors)).toEqual(Object.keys(reasons));
    expect(await database.select().from(bookings).where(eq(bookings.meetingTypeId, meetingType.id))).toHaveLength(0);
  });

  it('refuses a malformed answers object with 400, not 500', async () => {
    const { meetingType } = await hostWithQuestions();
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { answers: ['Acme'] }))).status).toBe(400);
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'x']));
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { answers: tooMany }))).status).toBe(400);
  });

  it('keeps each stored answer’s label when the host edits or removes the question later, and through a reschedule', async () => {
    const { meetingType, slug } = await hostWithQuestions();
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { answers: goodAnswers }));
    const renamed = questions.map((q) => (q.id === 'company' ? { ...q, label: 'Organisation' } : q)).filter((q) => q.id !== 'seats');
    expect((await updateMeetingTypeAction(editForm(meetingType.id, slug, renamed))).ok).toBe(true);
    const moved = await reschedule(body.booking.id, { token: tokenOf(body.booking.rescheduleUrl), start: MONDAY_2PM_NY });
    expect(moved.status).toBe(201);
    for (const id of [body.booking.id, moved.body.booking.id]) {
      const [row] = await database.select({ answers: bookings.answers }).from(bookings).where(eq(bookings.id, id));
      expect(row?.answers?.map((a) => a.label)).toEqual(['Company', 'Topics', 'I agree to the terms', 'Seats']);
    }
  });

  it('treats answers as part of the request under one Idempotency-Key: the same answers replay, others are refused', async () => {
    const { meetingType } = await hostWithQuestions();
    const key = `questions-${uniqueSuffix()}`;
    const request = inviteeFor(meetingType.id, MONDAY_10AM_NY, { answers: goodAnswers });
    const first = await book(request, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const reordered = { seats: 12, terms: true, topics: ['Security', 'Pricing'], company: 'Acme' };
    const again = await book({ ...request, answers: reordered }, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(again.body.booking.id).toBe(first.body.booking.id);
    const other = await book({ ...request, answers: { ...goodAnswers, company: 'Globex' } }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(other.body.error?.code).toBe('idempotency_key_reused');
  });
});

describe('where the answers are shown', () => {
  it('on the host’s booking page, in the host’s emails and .ics, and in the invitee’s confirmation only', async () => {
    const { host, meetingType } = await hostWithQuestions();
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { answers: goodAnswers, locale: 'de' }));
    const detail = await findHostBooking(database, host.id, body.booking.id);
    expect(detail?.answers?.map((a) => a.questionId)).toEqual(['company', 'topics', 'terms', 'seats']);

    const notice = (await loadBookingNotice(database, body.booking.id))!;
    const hostMail = composeEmail(notice, 'confirmation', 'host');
    const hostText = bookingEmailText(hostMail.layout);
    expect(hostText).toContain('Answers:\nCompany: Acme\nTopics: Pricing, Security\nI agree to the terms: Yes\nSeats: 12');
    expect(hostMail.attachments[0]?.content).toContain('Company: Acme');

    const inviteeText = bookingEmailText(composeEmail(notice, 'confirmation', 'invitee').layout);
    expect(inviteeText).toContain('Ihre Antworten:\nCompany: Acme');
    expect(inviteeText).toContain('I agree to the terms: Ja');
    // A reminder or a cancellation does not repeat them to the invitee; the host's do.
    expect(bookingEmailText(composeEmail(notice, 'reminder_24h', 'invitee').layout)).not.toContain('Acme');
    expect(bookingEmailText(composeEmail(notice, 'cancellation', 'host', { cancelledBy: 'invitee' }).layout)).toContain('Company: Acme');

    const exported = await exportHostData(hostContext(depsFor(database), host.id));
    expect(JSON.stringify(exported)).toContain('"questionId":"company"');
  });

  describe('on the host’s calendar event', () => {
    let fake: GoogleFake;
    beforeEach(async () => {
      fake = await startGoogleFake();
      useProviderFake('google', fake);
      recordSyncRequests();
    });
    afterEach(() => fake.close());

    it('writes the answers, labels as asked, into the event description', async () => {
      const { host, meetingType } = await hostWithQuestions();
      await connect(database, 'google', host.id);
      const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { answers: goodAnswers }));
      expect(await writeBookingEvent(depsFor(database), body.booking.id, { kind: 'confirmed' })).toBe('created');
      const [row] = await database.select({ eventId: bookings.calendarEventId }).from(bookings).where(eq(bookings.id, body.booking.id));
      const event = fake.store.get(fake.store.accountEmail, row!.eventId!)!;
      expect(event.description).toContain('Company: Acme\nTopics: Pricing, Security\nI agree to the terms: Yes\nSeats: 12');
    });
  });
});
