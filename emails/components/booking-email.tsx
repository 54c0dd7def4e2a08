import { Fragment } from 'react';
import { Button, Hr, Section, Text } from '@react-email/components';
import { EmailFrame, emailButton } from './email-frame';
import { englishEmailWords, type EmailTranslator } from './email-words';

// The one layout every booking email shares, as HTML (BookingEmail) and as plain text
// (bookingEmailText) from the same props. Plain data in, no lib/ imports: lib/notifications formats
// times in the recipient's zone and language; each template decides which words (messages `email.*`).

export interface EmailAction {
  label: string;
  href: string;
}

export interface BookingEmailProps {
  /** The inbox preview line. */
  preview: string;
  heading: string;
  intro: string;
  meetingName: string;
  /** "Tuesday, December 8, 2026 · 10:00 AM – 10:30 AM", on the recipient's wall clock. */
  when: string;
  /** "Europe/Berlin (GMT+1)" */
  timeZone: string;
  /** The old time of a rescheduled meeting, in the same zone. */
  previousWhen?: string | null;
  location?: string | null;
  /** "With": the other person, e.g. "Ada Lovelace (ada@example.com)". */
  otherParty: string;
  notes?: string | null;
  /** The invitee's answers to the host's questions (host emails, and the invitee's own confirmation). */
  answers?: AnswerBlock | null;
  reason?: string | null;
  /** What the invitee may change, or how to reach the host instead; above the links. */
  changeLines?: string[];
  /** A note from the other person ("Message from Grace Hopper"), as they wrote it. */
  message?: { title: string; text: string } | null;
  /** A group event, to the host: "3 of 10 seats taken". */
  seats?: { title: string; text: string } | null;
  actions: EmailAction[];
  footer: string;
  /** The details' titles in the recipient's language. */
  labels: DetailLabels;
}

/** Answers under a title in the recipient's language: each question as asked, then the answer as text. */
export interface AnswerBlock {
  title: string;
  items: { label: string; text: string }[];
}

export interface DetailLabels {
  what: string;
  when: string;
  was: string;
  timeZone: string;
  with: string;
  where: string;
  reason: string;
  notes: string;
}

const label = { color: '#6b7280', fontSize: '12px', letterSpacing: '0.04em', margin: '16px 0 2px', textTransform: 'uppercase' as const };
const value = { fontSize: '15px', lineHeight: '22px', margin: '0' };
const struck = { ...value, color: '#6b7280', textDecoration: 'line-through' };
const button = { ...emailButton, marginRight: '8px' };

function Detail({ title, children, style = value }: { title: string; children: string; style?: typeof value }) {
  return (
    <>
      <Text style={label}>{title}</Text>
      <Text style={style}>{children}</Text>
    </>
  );
}

export function BookingEmail(props: BookingEmailProps) {
  return (
    <EmailFrame preview={props.preview} heading={props.heading} headingStyle={{ margin: '0 0 8px' }}>
      <Text style={{ ...value, color: '#374151' }}>{props.intro}</Text>
      <Section>
        <Detail title={props.labels.what}>{props.meetingName}</Detail>
        <Detail title={props.labels.when}>{props.when}</Detail>
        {props.previousWhen ? <Detail title={props.labels.was} style={struck}>{props.previousWhen}</Detail> : null}
        <Detail title={props.labels.timeZone}>{props.timeZone}</Detail>
        <Detail title={props.labels.with}>{props.otherParty}</Detail>
        {props.seats ? <Detail title={props.seats.title}>{props.seats.text}</Detail> : null}
        {props.location ? <Detail title={props.labels.where}>{props.location}</Detail> : null}
        {props.reason ? <Detail title={props.labels.reason}>{props.reason}</Detail> : null}
        {props.message ? <Detail title={props.message.title}>{props.message.text}</Detail> : null}
        {props.notes ? <Detail title={props.labels.notes}>{props.notes}</Detail> : null}
      </Section>
      {props.answers && props.answers.items.length > 0 ? (
        <Section>
          <Text style={{ ...value, fontWeight: 600, marginTop: '20px' }}>{props.answers.title}</Text>
          {props.answers.items.map((item, index) => (
            <Fragment key={`${index}:${item.label}`}>
              <Detail title={item.label}>{item.text}</Detail>
            </Fragment>
          ))}
        </Section>
      ) : null}
      {props.changeLines && props.changeLines.length > 0 ? (
        <Section style={{ marginTop: '24px' }}>
          {props.changeLines.map((line) => (
            <Text key={line} style={{ ...value, color: '#374151' }}>
              {line}
            </Text>
          ))}
        </Section>
      ) : null}
      {props.actions.length > 0 ? (
        <Section style={{ marginTop: '24px' }}>
          {props.actions.map((action) => (
            // The space keeps the links apart in the plain-text part.
            <Fragment key={action.href}>
              <Button href={action.href} style={button}>
                {action.label}
              </Button>{' '}
            </Fragment>
          ))}
        </Section>
      ) : null}
      <Hr style={{ borderColor: '#e5e7eb', margin: '24px 0 12px' }} />
      <Text style={{ color: '#6b7280', fontSize: '12px', margin: '0' }}>{props.footer}</Text>
    </EmailFrame>
  );
}

/**
 * The plain-text part, written from the props rather than converted from the HTML: converting costs
 * as much as rendering again, and this reads better (one link per line).
 */
export function bookingEmailText(props: BookingEmailProps): string {
  const detail = (title: string, text: string | null | undefined) => (text ? [`${title}: ${text}`] : []);
  const { labels } = props;
  const lines = [
    props.heading,
    '',
    props.intro,
    '',
    ...detail(labels.what, props.meetingName),
    ...detail(labels.when, props.when),
    ...detail(labels.was, props.previousWhen),
    ...detail(labels.timeZone, props.timeZone),
    ...detail(labels.with, props.otherParty),
    ...detail(props.seats?.title ?? '', props.seats?.text),
    ...detail(labels.where, props.location),
    ...detail(labels.reason, props.reason),
    ...(props.message ? ['', `${props.message.title}:`, props.message.text] : []),
    ...(props.notes ? ['', `${labels.notes}:`, props.notes] : []),
    ...(props.answers && props.answers.items.length > 0 ? ['', `${props.answers.title}:`, ...props.answers.items.map(({ label, text }) => (text.includes('\n') ? `${label}:\n${text}` : `${label}: ${text}`))] : []),
    ...(props.changeLines && props.changeLines.length > 0 ? ['', ...props.changeLines] : []),
    ...(props.actions.length > 0 ? ['', ...props.actions.map((action) => `${action.label}: ${action.href}`)] : []),
    '',
    '--',
    props.footer,
  ];
  return `${lines.join('\n')}\n`;
}

/** What every booking email knows, already formatted for its recipient. */
export interface BookingEmailData {
  recipient: 'invitee' | 'host';
  meetingName: string;
  hostName: string;
  inviteeName: string;
  inviteeEmail: string;
  /** "Tuesday, December 8, 2026 · 10:00 AM – 10:30 AM" on the recipient's wall clock. */
  when: string;
  /** "Europe/Berlin (GMT+1)" */
  timeZone: string;
  location: string | null;
  notes: string | null;
  /** The invitee's answers, when this email shows them. */
  answers?: AnswerBlock | null;
  /** The invitee's own links (invitee emails only). */
  rescheduleUrl: string | null;
  cancelUrl: string | null;
  /** The change policy, or how to reach the host once changes are closed (invitee emails only). */
  changeLines: string[];
  /** The host's view of the booking (host emails only). */
  dashboardUrl: string | null;
  /** A group event's occasion, to the host only (invitees never learn who else booked). */
  seats?: { title: string; text: string } | null;
  /** The words, in the recipient's language. */
  t: EmailTranslator;
}

/** The other person, as the recipient sees them. */
export function otherParty(data: BookingEmailData): string {
  return data.recipient === 'invitee' ? data.hostName : `${data.inviteeName} (${data.inviteeEmail})`;
}

export function manageActions(data: BookingEmailData): EmailAction[] {
  const actions: EmailAction[] = [];
  if (data.rescheduleUrl) actions.push({ label: data.t('actionReschedule'), href: data.rescheduleUrl });
  if (data.cancelUrl) actions.push({ label: data.t('actionCancel'), href: data.cancelUrl });
  if (data.dashboardUrl) actions.push({ label: data.t('actionViewBooking'), href: data.dashboardUrl });
  return actions;
}

/** What every booking email shows, with the details' titles and the footer in the recipient's language. */
export function detailsOf(data: BookingEmailData) {
  const { t } = data;
  const labels: DetailLabels = {
    what: t('labelWhat'),
    when: t('labelWhen'),
    was: t('labelWas'),
    timeZone: t('labelTimeZone'),
    with: t('labelWith'),
    where: t('labelWhere'),
    reason: t('labelReason'),
    notes: t('labelNotes'),
  };
  return {
    meetingName: data.meetingName,
    when: data.when,
    timeZone: data.timeZone,
    location: data.location,
    notes: data.notes,
    answers: data.answers ?? null,
    otherParty: otherParty(data),
    seats: data.recipient === 'host' ? (data.seats ?? null) : null,
    changeLines: data.changeLines,
    labels,
    footer: t('footer'),
  };
}

/** Sample data for the templates' previews (`npm run email:dev`). */
export const sampleInvitee: BookingEmailData = {
  recipient: 'invitee',
  meetingName: 'Intro call',
  hostName: 'Grace Hopper',
  inviteeName: 'Ada Lovelace',
  inviteeEmail: 'ada@example.com',
  when: 'Tuesday, December 8, 2026 · 10:00 AM – 10:30 AM',
  timeZone: 'Europe/Berlin (GMT+1)',
  location: 'https://meet.example.com/grace',
  notes: 'Looking forward to it <3 & see you then',
  rescheduleUrl: 'http://localhost:3000/bookings/00000000-0000-4000-8000-000000000000/reschedule?token=preview',
  cancelUrl: 'http://localhost:3000/bookings/00000000-0000-4000-8000-000000000000/cancel?token=preview',
  changeLines: ['You can reschedule or cancel until 1 day before the meeting.'],
  answers: { title: 'Your answers', items: [{ label: 'Company', text: 'Analytical Engines Ltd' }, { label: 'Topics', text: 'Pricing, Integrations' }] },
  dashboardUrl: null,
  t: englishEmailWords,
};
