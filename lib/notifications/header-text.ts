// Text that reaches a mail header (the subject) may hold what an invitee typed. Names are already
// refused with control characters at the booking boundary; this is the second line: no line breaks,
// no controls or bidi overrides, collapsed spaces, and a bounded length.

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const MAX_SUBJECT_LENGTH = 200;

export function headerText(text: string, maxLength = MAX_SUBJECT_LENGTH): string {
  const clean = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  return clean.length <= maxLength ? clean : `${clean.slice(0, maxLength - 1).trimEnd()}…`;
}
