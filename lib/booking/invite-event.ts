// What an invite says (the entry an invitee adds to their own calendar), in one place: the .ics
// file and the Google/Outlook links must agree. Plain data only, so the browser can import it too.
// "Invite" is the invitee's side; "calendar" means the host's providers (lib/calendars).

export interface InviteEvent {
  start: Date;
  end: Date;
  summary: string;
  location: string | null;
  description: string;
}

export interface InviteEventInput {
  start: Date;
  end: Date;
  meetingName: string;
  hostName: string;
  location: string | null;
  /** The management links the holder may see; an absent one is left out. */
  cancelUrl?: string | undefined;
  rescheduleUrl?: string | undefined;
  /** The invitee's language's words (the `invite` messages); English when absent. */
  words?: InviteWords | undefined;
  /** What the invitee may change and how to reach the host (inviteChangeLines, in the same language); leads the links. */
  changeLines?: readonly string[] | undefined;
}

export interface InviteWords {
  /** "Intro call with Grace Hopper" */
  summary: string;
  needChange: string;
  reschedule: string;
  cancel: string;
}

export function inviteEvent(input: InviteEventInput): InviteEvent {
  const words = input.words ?? {
    summary: `${input.meetingName} with ${input.hostName}`,
    needChange: 'Need to make a change?',
    reschedule: 'Reschedule',
    cancel: 'Cancel',
  };
  const links = [
    input.rescheduleUrl ? `${words.reschedule}: ${input.rescheduleUrl}` : null,
    input.cancelUrl ? `${words.cancel}: ${input.cancelUrl}` : null,
  ].filter((line) => line !== null);
  return {
    start: input.start,
    end: input.end,
    summary: words.summary,
    location: input.location?.trim() ? input.location.trim() : null,
    description: input.changeLines ? [...input.changeLines, ...links].join('\n') : links.length > 0 ? `${words.needChange}\n${links.join('\n')}` : '',
  };
}
