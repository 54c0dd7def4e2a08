// Where a sign-in may send the browser afterwards: only a path on this site. Absolute URLs,
// protocol-relative ("//evil.com"), backslash tricks ("/\evil.com") and schemes ("javascript:") are
// refused, so a link to /signin?callbackUrl=… cannot bounce a host to another site.

export const DEFAULT_AFTER_SIGN_IN = '/dashboard';

export function safeRedirectPath(candidate: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof candidate !== 'string' || candidate.length > 2_000) return fallback;
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return fallback;
  // Control characters or whitespace could be read as part of an authority by some parsers.
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u0020\u007f]/.test(candidate)) return fallback;
  try {
    const resolved = new URL(candidate, 'http://rendezvous.invalid');
    if (resolved.origin !== 'http://rendezvous.invalid') return fallback;
    const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
    // Checked again after the parser removed dot-segments: "/.//evil.com" resolves to "//evil.com".
    return path.startsWith('//') || path.includes('\\') ? fallback : path;
  } catch {
    return fallback;
  }
}

/** For Auth.js's redirect callback: same-origin URLs and relative paths pass, anything else goes home. */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  if (url.startsWith('/')) return `${baseUrl}${safeRedirectPath(url)}`;
  try {
    if (new URL(url).origin === new URL(baseUrl).origin) return `${baseUrl}${safeRedirectPath(new URL(url).pathname + new URL(url).search)}`;
  } catch {
    // not a URL at all
  }
  return `${baseUrl}${DEFAULT_AFTER_SIGN_IN}`;
}
