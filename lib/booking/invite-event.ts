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
  /** What the invitee may change and how to reach the host (inviteChangeLines); leads the links. */
  changeLines?: readonly string[] | undefined;
}

export function inviteEvent(input: InviteEventInput): InviteEvent {
  const links = [
    input.rescheduleUrl ? `Reschedule: ${input.rescheduleUrl}` : null,
    input.cancelUrl ? `Cancel: ${input.cancelUrl}` : null,
  ].filter((line) => line !== null);
  return {
    start: input.start,
    end: input.end,
    summary: `${input.meetingName} with ${input.hostName}`,
    location: input.location?.trim() ? input.location.trim() : null,
    description: input.changeLines ? [...input.changeLines, ...links].join('\n') : links.length > 0 ? `Need to make a change?\n${links.join('\n')}` : '',
  };
}
