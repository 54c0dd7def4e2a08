import { describe, expect, it } from 'vitest';
import { sameOriginRedirect, safeRedirectPath } from './safe-redirect';

describe('safeRedirectPath', () => {
  it.each(['https://evil.com', '//evil.com', '/.//evil.com', '/a/..//evil.com', '/%2e//evil.com', '/./\\evil.com', '/\\evil.com', '\\\\evil.com', 'javascript:alert(1)', ' /dashboard', '/\t/evil.com', 'dashboard', '', 42])(
    'refuses %j and falls back to the dashboard',
    (candidate) => {
      expect(safeRedirectPath(candidate)).toBe('/dashboard');
    },
  );

  it('keeps a same-site path with its query and fragment', () => {
    expect(safeRedirectPath('/dashboard/meeting-types?tab=active#top')).toBe('/dashboard/meeting-types?tab=active#top');
    expect(safeRedirectPath('/dashboard/../dashboard/settings')).toBe('/dashboard/settings');
  });
});

describe('sameOriginRedirect', () => {
  const base = 'https://rendezvous.example';
  it('keeps paths and same-origin URLs, sends anything else to the dashboard', () => {
    expect(sameOriginRedirect('/dashboard/settings', base)).toBe(`${base}/dashboard/settings`);
    expect(sameOriginRedirect(`${base}/dashboard/availability`, base)).toBe(`${base}/dashboard/availability`);
    for (const url of ['https://evil.com/dashboard', '//evil.com', '/\\evil.com', 'javascript:alert(1)']) {
      expect(sameOriginRedirect(url, base)).toBe(`${base}/dashboard`);
    }
  });
});
