// Limits shared by the meeting type schema (server) and its form (browser); no imports, safe for both.

export const MAX_NAME_LENGTH = 120;
/** A year, the min_change_notice_minutes CHECK (525,600 minutes). */
export const MAX_CHANGE_NOTICE_HOURS = 8760;
