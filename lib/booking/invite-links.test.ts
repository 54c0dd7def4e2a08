import { describe, expect, it } from 'vitest';
import { inviteEvent } from './invite-event';
import { inviteFileHref, googleCalendarUrl, outlookCalendarUrl } from './invite-links';

const event = inviteEvent({
  meetingName: 'Intro & chat',
  hostName: 'Ada Host',
  location: 'https://meet.example/abc?x=1',
  start: new Date('2027-03-01T09:30:00Z'),
  end: new Date('2027-03-01T10:00:00Z'),
  rescheduleUrl: 'https://rendezvous.test/bookings/b1/reschedule?token=r',
});

describe('invite links', () => {
  it('opens Google Calendar with the event, the times in compact UTC', () => {
    const url = new URL(googleCalendarUrl(event));
    expect(`${url.origin}${url.pathname}`).toBe('https://calendar.google.com/calendar/render');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: 'TEMPLATE',
      text: 'Intro & chat with Ada Host',
      dates: '20270301T093000Z/20270301T100000Z',
      details: 'Need to make a change?\nReschedule: https://rendezvous.test/bookings/b1/reschedule?token=r',
      location: 'https://meet.example/abc?x=1',
    });
  });

  it('opens Outlook with the event, the times in ISO UTC', () => {
    const url = new URL(outlookCalendarUrl(event));
    expect(`${url.origin}${url.pathname}`).toBe('https://outlook.live.com/calendar/0/deeplink/compose');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      subject: 'Intro & chat with Ada Host',
      startdt: '2027-03-01T09:30:00Z',
      enddt: '2027-03-01T10:00:00Z',
      body: 'Need to make a change?\nReschedule: https://rendezvous.test/bookings/b1/reschedule?token=r',
      location: 'https://meet.example/abc?x=1',
      path: '/calendar/action/compose',
      rru: 'addevent',
    });
  });

  it('encodes every value, so text cannot add parameters', () => {
    const url = googleCalendarUrl({ ...event, summary: 'a&dates=x #frag' });
    expect(url).toContain('text=a%26dates%3Dx%20%23frag');
    expect(new URL(url).searchParams.getAll('dates')).toHaveLength(1);
  });

  it('leaves out the location when there is none', () => {
    expect(new URL(googleCalendarUrl({ ...event, location: null })).searchParams.has('location')).toBe(false);
    expect(new URL(outlookCalendarUrl({ ...event, location: null })).searchParams.has('location')).toBe(false);
  });
});

describe('the .ics download link', () => {
  it('uses the token of either management link', () => {
    expect(inviteFileHref({ id: 'b1', cancelUrl: 'https://r.test/bookings/b1/cancel?token=a%2Bb' })).toBe('/api/v1/bookings/b1/ics?token=a%2Bb');
    expect(inviteFileHref({ id: 'b1', rescheduleUrl: 'https://r.test/bookings/b1/reschedule?token=r' })).toBe('/api/v1/bookings/b1/ics?token=r');
  });

  it('is null without a link', () => {
    expect(inviteFileHref({ id: 'b1' })).toBeNull();
  });
});
