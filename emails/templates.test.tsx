import { render } from '@react-email/render';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import BookingCancelledEmail, { bookingCancelledLayout } from './booking-cancelled-email';
import BookingConfirmedEmail, { bookingConfirmedLayout } from './booking-confirmed-email';
import BookingReminderEmail, { bookingReminderLayout } from './booking-reminder-email';
import BookingRescheduledEmail, { bookingRescheduledLayout } from './booking-rescheduled-email';
import CalendarReauthEmail from './calendar-reauth-email';
import CalendarSyncStoppedEmail from './calendar-sync-stopped-email';
import WebhookDisabledEmail from './webhook-disabled-email';
import { bookingEmailText, sampleInvitee } from './components/booking-email';
import NewTimeRequestedEmail, { newTimeRequestedLayout } from './new-time-requested-email';
import BookingRequestEmail, { bookingRequestLayout } from './booking-request-email';
import RequestDeclinedEmail, { requestDeclinedLayout } from './request-declined-email';

const templates = {
  BookingConfirmedEmail: [BookingConfirmedEmail, bookingConfirmedLayout],
  BookingReminderEmail: [BookingReminderEmail, bookingReminderLayout],
  BookingCancelledEmail: [BookingCancelledEmail, bookingCancelledLayout],
  BookingRescheduledEmail: [BookingRescheduledEmail, bookingRescheduledLayout],
  NewTimeRequestedEmail: [NewTimeRequestedEmail, newTimeRequestedLayout],
  BookingRequestEmail: [BookingRequestEmail, bookingRequestLayout],
  RequestDeclinedEmail: [RequestDeclinedEmail, requestDeclinedLayout],
} as const;

describe('email templates', () => {
  for (const [name, [template, layout]] of Object.entries(templates)) {
    it(`${name} renders its PreviewProps to HTML and a plain-text part with the meeting's details`, async () => {
      const html = await render(createElement(template as never, template.PreviewProps as never));
      const text = bookingEmailText((layout as (data: unknown) => Parameters<typeof bookingEmailText>[0])(template.PreviewProps));
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

  it('the host notices say what happened and link to the integrations page, in HTML and plain text', async () => {
    for (const [element, words] of [
      [createElement(CalendarReauthEmail, CalendarReauthEmail.PreviewProps), ['Reconnect Google Calendar', 'grace@example.com']],
      [createElement(CalendarSyncStoppedEmail, CalendarSyncStoppedEmail.PreviewProps), ['ICS feed stopped syncing', 'Family calendar', 'The last error: The calendar feed answered 500']],
    ] as const) {
      for (const part of [await render(element), await render(element, { plainText: true })]) {
        for (const word of words) expect(part.toLowerCase()).toContain(word.toLowerCase()); // plain text capitalises headings
        expect(part).toContain('http://localhost:3000/dashboard/integrations');
      }
    }
  });

  it('the webhook notice names the endpoint and links to the webhook settings', async () => {
    const element = createElement(WebhookDisabledEmail, WebhookDisabledEmail.PreviewProps);
    for (const part of [await render(element), await render(element, { plainText: true })]) {
      expect(part).toContain('https://crm.example.com/hooks/rendezvous');
      expect(part).toContain('http://localhost:3000/dashboard/settings/webhooks');
    }
  });

  it('the plain-text part puts each link on its own line', () => {
    const text = bookingEmailText(bookingConfirmedLayout(sampleInvitee));
    expect(text).toContain(`\nReschedule: ${sampleInvitee.rescheduleUrl}\nCancel: ${sampleInvitee.cancelUrl}\n`);
  });

  it('a host copy names the invitee and links to the dashboard instead of the invitee\'s manage links', async () => {
    const text = bookingEmailText(bookingConfirmedLayout({ ...sampleInvitee, recipient: 'host', rescheduleUrl: null, cancelUrl: null, dashboardUrl: 'http://localhost:3000/dashboard/bookings/1' }));
    expect(text).toContain('Ada Lovelace booked Intro call with you.');
    expect(text).toContain('Ada Lovelace (ada@example.com)');
    expect(text).toContain('http://localhost:3000/dashboard/bookings/1');
    expect(text).not.toContain('/cancel?token=');
  });
});

describe('account link email', () => {
  it('renders its heading, the action link in both parts, and the footnote', async () => {
    const { default: AccountLinkEmail } = await import('./account-link-email');
    const props = AccountLinkEmail.PreviewProps;
    const html = await render(createElement(AccountLinkEmail, props));
    const text = await render(createElement(AccountLinkEmail, props), { plainText: true });
    for (const part of [html, text]) {
      expect(part.toLowerCase()).toContain(props.heading.toLowerCase());
      expect(part).toContain(props.actionUrl);
      expect(part).toContain('24 hours');
    }
  });

  it('a move by the host tells the invitee who moved it, with the host\'s message and the manage links', () => {
    const text = bookingEmailText(bookingRescheduledLayout({ ...sampleInvitee, previousWhen: 'Monday', movedBy: 'Grace Hopper', movedByHost: true, hostMessage: 'Clash with a flight' }));
    expect(text).toContain('Grace Hopper moved your meeting');
    expect(text).toContain('Message from Grace Hopper:\nClash with a flight');
    expect(text).toContain(`Reschedule: ${sampleInvitee.rescheduleUrl}`);
  });

  it('the request for a new time links only to picking one, and leaves the message out when there is none', () => {
    const text = bookingEmailText(newTimeRequestedLayout({ ...sampleInvitee, hostMessage: null }));
    expect(text).toContain(`Pick a new time: ${sampleInvitee.rescheduleUrl}`);
    expect(text).not.toContain('Message from');
    expect(text).not.toContain('/cancel?token=');
  });

  it('the host\'s request email offers Approve and Decline as links to confirm pages, with the deadline', () => {
    const layout = bookingRequestLayout({
      ...BookingRequestEmail.PreviewProps,
      recipient: 'host',
      withdrawUrl: null,
      approveUrl: 'http://localhost:3000/bookings/x/approve?token=t',
      declineUrl: 'http://localhost:3000/bookings/x/decline?token=t',
      answerBy: 'Monday, December 7, 2026 at 10:00 AM',
    });
    const text = bookingEmailText(layout);
    expect(text).toContain('Approve: http://localhost:3000/bookings/x/approve?token=t');
    expect(text).toContain('Decline: http://localhost:3000/bookings/x/decline?token=t');
    expect(text).toContain('declined automatically on Monday, December 7, 2026 at 10:00 AM');
  });

  it('an expired request tells the invitee nobody answered in time, without a host reason', () => {
    const text = bookingEmailText(requestDeclinedLayout({ ...RequestDeclinedEmail.PreviewProps, expired: true }));
    expect(text).toContain('Request not confirmed');
    expect(text).not.toContain('I am away that week');
  });
});
