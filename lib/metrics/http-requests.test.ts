import { describe, expect, it } from 'vitest';
import { observeRequest, routePattern } from './http-requests';
import { metricsText } from './registry';

describe('routePattern', () => {
  it('keeps a route without params as its path, without the query (Next.js passes such a route no params at all)', () => {
    expect(routePattern('http://rendezvous.test/api/v1/availability?meetingTypeId=x&start=2027-01-11', {})).toBe('/api/v1/availability');
    expect(routePattern('http://rendezvous.test/api/health#top', undefined)).toBe('/api/health');
    expect(() => observeRequest(new Request('http://rendezvous.test/api/health'), undefined, 200, performance.now())).not.toThrow();
  });

  it('puts each param’s name back where its value stood', () => {
    const id = '0b7c8f4e-3f7a-4c57-9d0e-4f1f4b6f4a11';
    expect(routePattern(`https://app.example/api/v1/bookings/${id}/cancel`, { id })).toBe('/api/v1/bookings/[id]/cancel');
    expect(routePattern(`https://app.example/api/v1/bookings/${id}`, { id })).toBe('/api/v1/bookings/[id]');
  });

  it('matches params as Next.js hands them over: decoded, and a catch-all as its segments together', () => {
    expect(routePattern('http://x.test/api/dashboard/bookings/a%20b/availability', { id: 'a b' })).toBe('/api/dashboard/bookings/[id]/availability');
    expect(routePattern('http://x.test/api/auth/callback/google', { nextauth: ['callback', 'google'] })).toBe('/api/auth/[...nextauth]');
  });

  it('places an id that spells a later fixed word of its route at the id’s own place', () => {
    expect(routePattern('http://x.test/api/v1/bookings/cancel/cancel', { id: 'cancel' })).toBe('/api/v1/bookings/[id]/cancel');
  });

  it('survives a malformed escape in the path', () => {
    expect(routePattern('http://x.test/api/v1/bookings/%E0%A4%A/ics', { id: '%E0%A4%A' })).toBe('/api/v1/bookings/[id]/ics');
  });

  it('labels routes past the 200th pattern a process has seen `other`, so requests cannot add series at will', async () => {
    for (let n = 0; n < 300; n++) observeRequest(new Request(`http://x.test/junk-${n}`), {}, 404, performance.now());
    const text = await metricsText();
    const routes = new Set([...text.matchAll(/rendezvous_http_request_duration_seconds_count\{route="([^"]*)"/g)].map((match) => match[1]));
    expect(routes.size).toBeLessThanOrEqual(201);
    expect(routes.has('other')).toBe(true);
    expect(routes.has('/junk-299')).toBe(false);
  });
});
