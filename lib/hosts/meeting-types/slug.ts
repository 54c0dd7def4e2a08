// A meeting type's slug is the last part of its public address, /{username}/{slug}. Pure (no I/O), so
// the dashboard form can suggest one from the name as the host types.

export const MAX_SLUG_LENGTH = 100;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Intro call (30')" → "intro-call-30"; accents dropped, at most MAX_SLUG_LENGTH characters. */
export function slugFromName(name: string): string {
  return trimToLength(
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, ''),
    MAX_SLUG_LENGTH,
  );
}

/** Cuts a slug to `length` without leaving a hyphen at its end. */
export function trimToLength(slug: string, length: number): string {
  return slug.slice(0, length).replace(/-+$/, '');
}

/** The first of "base-copy", "base-copy-2", … that is not in `taken`, within MAX_SLUG_LENGTH. */
export function freeCopySlug(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const candidate = `${trimToLength(base, MAX_SLUG_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
