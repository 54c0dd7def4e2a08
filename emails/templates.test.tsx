import { render } from '@react-email/render';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import BookingCancelledEmail from './booking-cancelled-email';
import BookingConfirmedEmail from './booking-confirmed-email';
import BookingReminderEmail from './booking-reminder-email';
import BookingRescheduledEmail from './booking-rescheduled-email';
import { sampleInvitee } from './components/booking-email';

const templates = { BookingConfirmedEmail, BookingReminderEmail, BookingCancelledEmail, BookingRescheduledEmail } as const;

describe('email templates', () => {
  for (const [name, template] of Object.entries(templates)) {
    it(`${name} renders its PreviewProps to HTML and a plain-text part with the meeting's details`, async () => {
      const element = createElement(template as never, template.PreviewProps as never);
      const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
      expect(html).toMatch(/^<!DOCTYPE html/i);
      for (const part of [html, text]) {
        expect(part).toContain(sampleInvitee.meetingName);
        expect(part).toContain('10:00 AM – 10:30 AM');
        expect(part).toContain('Europe/Berlin (GMT+1)');
      }
      // Typed text is escaped in the HTML part and left readable in the text part.
      expect(html).not.toContain('<3 & see');
      expect(html).toContain('&lt;3 &amp; see');
      expect(text).toContain('Looking forward to it <3 & see you then');
    });
  }

  it('a host copy names the invitee and links to the dashboard instead of the invitee\'s manage links', async () => {
    const element = createElement(BookingConfirmedEmail, { ...sampleInvitee, recipient: 'host', rescheduleUrl: null, cancelUrl: null, dashboardUrl: 'http://localhost:3000/dashboard/bookings/1' });
    const text = await render(element, { plainText: true });
    expect(text).toContain('Ada Lovelace booked Intro call with you.');
    expect(text).toContain('Ada Lovelace (ada@example.com)');
    expect(text).toContain('http://localhost:3000/dashboard/bookings/1');
    expect(text).not.toContain('/cancel?token=');
  });
});
