import { render } from '@react-email/render';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import BookingCancelledEmail from '@/emails/booking-cancelled-email';
import BookingConfirmedEmail from '@/emails/booking-confirmed-email';
import BookingReminderEmail from '@/emails/booking-reminder-email';
import BookingRescheduledEmail from '@/emails/booking-rescheduled-email';
import NewTimeRequestedEmail from '@/emails/new-time-requested-email';
import { BookingEmail, type BookingEmailProps } from '@/emails/components/booking-email';
import { renderEmailHtml } from './email-html';

/** React's own streaming markers (boundaries, text separators, document parts); Outlook's `<!--[if mso]>` stay. */
const withoutReactMarkers = (html: string) => html.replace(/<!--(?:\/?\$[?!]?| |html|head|body)-->/g, '');

const hostile: BookingEmailProps = {
  preview: 'A <b>preview</b> & "quotes"',
  heading: 'Your meeting is confirmed',
  intro: "Ada <script>alert('x')</script> booked",
  meetingName: 'Intro & chat',
  when: 'Tuesday, December 8, 2026 · 10:00 AM – 10:30 AM',
  timeZone: 'Europe/Berlin (GMT+1)',
  previousWhen: 'Monday, December 7, 2026 · 9:00 AM – 9:30 AM',
  location: 'Room "4" <main>',
  otherParty: 'Ada Lovelace (ada@example.com)',
  notes: 'Line one\nLine <two>',
  reason: 'Conflict & more',
  changeLines: ['You can reschedule <or> cancel until 1 day before the meeting.'],
  message: { title: 'Message from <Grace>', text: 'Sorry & "thanks"' },
  actions: [{ label: 'Cancel', href: 'https://example.com/bookings/1?token=a&b="c"' }],
  footer: 'Sent by Rendezvous',
  labels: { what: 'What', when: 'When', was: 'Was', timeZone: 'Time zone', with: 'With', where: 'Where', reason: 'Reason', notes: 'Notes' },
};

describe('booking email HTML', () => {
  const cases = [
    ['confirmed', createElement(BookingConfirmedEmail, BookingConfirmedEmail.PreviewProps)],
    ['cancelled', createElement(BookingCancelledEmail, BookingCancelledEmail.PreviewProps)],
    ['reminder', createElement(BookingReminderEmail, BookingReminderEmail.PreviewProps)],
    ['rescheduled', createElement(BookingRescheduledEmail, BookingRescheduledEmail.PreviewProps)],
    ['new time requested', createElement(NewTimeRequestedEmail, NewTimeRequestedEmail.PreviewProps)],
    ['every optional part, with markup in the text', createElement(BookingEmail, hostile)],
  ] as const;
  for (const [name, element] of cases) {
    it(`writes what @react-email/render writes, less React's streaming comments: ${name}`, async () => {
      const html = await renderEmailHtml(element as never);
      expect(html).toMatch(/^<!DOCTYPE html PUBLIC/);
      expect(html).toBe(withoutReactMarkers(await render(element as never)));
    });
  }
});
