import { describe, expect, it } from 'vitest';
import { checkFeedUrl } from './fetch-feed';
import { isPublicAddress } from './public-address';

const production = { allowHttp: false, isAllowedAddress: isPublicAddress };

describe('checkFeedUrl', () => {
  it('accepts https and reads webcal:// as https', () => {
    expect(checkFeedUrl('https://calendar.example.com/a.ics', production).toString()).toBe('https://calendar.example.com/a.ics');
    expect(checkFeedUrl('webcal://calendar.example.com/a.ics', production).protocol).toBe('https:');
  });

  it.each(['file:///etc/passwd', 'http://calendar.example.com/a.ics', 'ftp://x/a.ics', 'gopher://x', 'not a url'])('refuses %s', (url) => {
    expect(() => checkFeedUrl(url, production)).toThrow();
  });

  it.each(['https://127.0.0.1/', 'https://10.0.0.1/', 'https://169.254.169.254/', 'https://[::1]/', 'https://[fd00:ec2::254]/', 'https://[::ffff:127.0.0.1]/'])('refuses the literal address %s', (url) => {
    expect(() => checkFeedUrl(url, production)).toThrow(/not reachable/);
  });

  it('refuses credentials in the URL', () => {
    expect(() => checkFeedUrl('https://user:pass@calendar.example.com/a.ics', production)).toThrow(/user name/);
  });
});
