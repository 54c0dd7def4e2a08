// Intl.DateTimeFormat objects are costly to build (about a quarter of a millisecond each) and cheap to
// reuse, so every formatter of times shares one cache of them, keyed by locale, zone and options.
// Bounded by what reaches it: the catalogues' locales and en-US, zones canonicalised at every boundary
// (timeZoneField), and option shapes written in the code.

const formats = new Map<string, Intl.DateTimeFormat>();

/** The shared formatter for `locale` on `timeZone`'s wall clock with `options`. */
export function dateTimeFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let cached = formats.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, cached);
  }
  return cached;
}
