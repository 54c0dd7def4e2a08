// Limits of booking questions, shared by the schema (server), the editor and the booking form
// (browser), and the answer check; no imports, safe for both.

/** The meeting_types_booking_questions_bounded CHECK. */
export const MAX_QUESTIONS = 20;
export const MAX_QUESTION_LABEL_LENGTH = 200;
export const MAX_QUESTION_HELP_LENGTH = 500;
export const MAX_QUESTION_OPTIONS = 30;
export const MAX_OPTION_LENGTH = 100;
/** Answers: one line, several lines, a phone number. */
export const MAX_SHORT_ANSWER_LENGTH = 500;
export const MAX_LONG_ANSWER_LENGTH = 5_000;
export const MAX_PHONE_LENGTH = 30;
/** Question ids: lower-case letters, digits, `_` and `-`, so they read well in a `?q.<id>=` prefill. */
export const QUESTION_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
