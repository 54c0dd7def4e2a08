// Bounds on what a host's schedule may hold, so one request cannot make it (and every slot
// computation over it) arbitrarily large. Pure, so the editors can disable "add" at the same bound.

export const MAX_WINDOWS_PER_DAY = 12;
export const MAX_UPCOMING_OVERRIDE_DATES = 500;
