import type { HostMeetingType } from '@/lib/hosts/meeting-types/rows';

// The meeting type form's starting values, as the inputs hold them (text); the server parses them back.

export interface MeetingTypeFormValues {
  name: string;
  slug: string;
  description: string;
  durationMinutes: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  minNoticeMinutes: string;
  maxDaysInFuture: string;
  slotIntervalMinutes: string;
  maxBookingsPerDay: string;
  location: string;
  addVideoLink: boolean;
  color: string;
  isActive: boolean;
  minChangeNoticeHours: string;
}

/** A new meeting type starts from the table's defaults. */
export const newMeetingTypeValues: MeetingTypeFormValues = {
  name: '',
  slug: '',
  description: '',
  durationMinutes: '30',
  bufferBeforeMinutes: '0',
  bufferAfterMinutes: '0',
  minNoticeMinutes: '0',
  maxDaysInFuture: '60',
  slotIntervalMinutes: '',
  maxBookingsPerDay: '',
  location: '',
  addVideoLink: false,
  color: '#3B82F6',
  isActive: true,
  minChangeNoticeHours: '0',
};

const text = (value: number | null) => (value === null ? '' : String(value));

export function formValuesOf(meetingType: HostMeetingType): MeetingTypeFormValues {
  return {
    name: meetingType.name,
    slug: meetingType.slug,
    description: meetingType.description ?? '',
    durationMinutes: text(meetingType.durationMinutes),
    bufferBeforeMinutes: text(meetingType.bufferBeforeMinutes),
    bufferAfterMinutes: text(meetingType.bufferAfterMinutes),
    minNoticeMinutes: text(meetingType.minNoticeMinutes),
    maxDaysInFuture: text(meetingType.maxDaysInFuture),
    slotIntervalMinutes: text(meetingType.slotIntervalMinutes),
    maxBookingsPerDay: text(meetingType.maxBookingsPerDay),
    location: meetingType.location ?? '',
    addVideoLink: meetingType.addVideoLink,
    color: meetingType.color ?? '#3B82F6',
    isActive: meetingType.isActive,
    // Stored in minutes, typed in hours ("1.5").
    minChangeNoticeHours: String(Math.round((meetingType.minChangeNoticeMinutes / 60) * 100) / 100),
  };
}
