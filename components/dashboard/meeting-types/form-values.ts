import { bestUnit, type DurationUnit, toMinutes, unitMinutes } from '@/lib/duration-units';
import { type DurationFieldName, durationFields } from '@/lib/hosts/meeting-types/limits';
import type { BookingQuestion } from '@/lib/hosts/meeting-types/booking-questions';
import type { HostMeetingType } from '@/lib/hosts/meeting-types/rows';

// The meeting type form's starting values, as the inputs hold them (text); the server parses them back.
// Each duration is a number and a unit, shown in the largest unit that holds it whole (720 → 12 hours).

export interface DurationValue {
  amount: string;
  unit: DurationUnit;
}

export type DurationValues = Record<DurationFieldName, DurationValue>;

/** The form's durations, held by the form so the buffer explanation and the cut-off hint follow every edit. */
export interface DurationProps {
  durations: DurationValues;
  onDuration: (name: DurationFieldName) => (value: DurationValue) => void;
}

export interface MeetingTypeFormValues {
  name: string;
  slug: string;
  description: string;
  durations: DurationValues;
  maxBookingsPerDay: string;
  location: string;
  addVideoLink: boolean;
  color: string;
  isActive: boolean;
  isSecret: boolean;
  contactLine: string;
  /** The questions invitees answer (checked by storedBookingQuestions on the server). */
  bookingQuestions: BookingQuestion[];
  /** The schedule's id, or "" for the host's default schedule. */
  scheduleId: string;
  requiresConfirmation: boolean;
  autoDeclineAfterHours: string;
  /** Empty: one invitee per time. */
  seatsPerSlot: string;
}

/** A stored value (in the field's stored unit; null = empty) as the form shows it. */
export function durationValue(field: DurationFieldName, stored: number | null): DurationValue {
  const { units, stored: storedUnit } = durationFields[field];
  if (stored === null) return { amount: '', unit: units[0] };
  const { amount, unit } = bestUnit(toMinutes(stored, storedUnit), units);
  return { amount: String(amount), unit };
}

/** What the form's number and unit come to in the field's stored unit; null when it is not a number. */
export function storedValue(field: DurationFieldName, value: DurationValue): number | null {
  const amount = value.amount.trim() === '' ? Number.NaN : Number(value.amount);
  if (!Number.isFinite(amount)) return null;
  return toMinutes(amount, value.unit) / unitMinutes[durationFields[field].stored];
}

function durationsOf(stored: Record<DurationFieldName, number | null>): DurationValues {
  const entries = (Object.keys(durationFields) as DurationFieldName[]).map((field) => [field, durationValue(field, stored[field])]);
  return Object.fromEntries(entries) as DurationValues;
}

/** A new meeting type starts from the table's defaults. */
export const newMeetingTypeValues: MeetingTypeFormValues = {
  name: '',
  slug: '',
  description: '',
  durations: durationsOf({
    durationMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    maxDaysInFuture: 60,
    slotIntervalMinutes: null,
    minChangeNoticeMinutes: 0,
  }),
  maxBookingsPerDay: '',
  location: '',
  addVideoLink: false,
  color: '#3B82F6',
  isActive: true,
  isSecret: false,
  contactLine: '',
  bookingQuestions: [],
  scheduleId: '',
  requiresConfirmation: false,
  autoDeclineAfterHours: '',
  seatsPerSlot: '',
};

const text = (value: number | null) => (value === null ? '' : String(value));

export function formValuesOf(meetingType: HostMeetingType, bookingQuestions: BookingQuestion[] = []): MeetingTypeFormValues {
  return {
    name: meetingType.name,
    slug: meetingType.slug,
    description: meetingType.description ?? '',
    durations: durationsOf(meetingType),
    maxBookingsPerDay: text(meetingType.maxBookingsPerDay),
    location: meetingType.location ?? '',
    addVideoLink: meetingType.addVideoLink,
    color: meetingType.color ?? '#3B82F6',
    isActive: meetingType.isActive,
    isSecret: meetingType.isSecret,
    contactLine: meetingType.contactLine ?? '',
    bookingQuestions,
    scheduleId: meetingType.scheduleId ?? '',
    requiresConfirmation: meetingType.requiresConfirmation,
    autoDeclineAfterHours: text(meetingType.autoDeclineAfterHours),
    seatsPerSlot: text(meetingType.seatsPerSlot),
  };
}
