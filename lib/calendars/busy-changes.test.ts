import { describe, expect, it } from 'vitest';
import { ChangeCollector, syncWindow } from './busy-changes';

const event = (id: string, hour: number) => ({ id, start: new Date(Date.UTC(2027, 0, 11, hour)), end: new Date(Date.UTC(2027, 0, 11, hour + 1)) });

describe('ChangeCollector', () => {
  it('keeps the last verdict per event across pages', () => {
    const collector = new ChangeCollector();
    collector.add({ kind: 'busy', event: event('a', 9) });
    collector.add({ kind: 'busy', event: event('b', 10) });
    collector.add({ kind: 'not_busy', id: 'a' }); // created, then cancelled within one sync
    collector.add({ kind: 'not_busy', id: 'c' });
    collector.add({ kind: 'busy', event: event('c', 12) }); // cancelled, then restored
    const changes = collector.changes(false, 'cursor-2');
    expect(changes.upserts.map((e) => e.id)).toEqual(['b', 'c']);
    expect(changes.deletes).toEqual(['a']);
    expect(changes).toMatchObject({ full: false, cursor: 'cursor-2' });
  });
});

describe('syncWindow', () => {
  it('reaches past the longest booking window (730 days) and a day back', () => {
    const now = Date.UTC(2027, 0, 1);
    const window = syncWindow(now);
    expect(window.start.getTime()).toBe(now - 86_400_000);
    expect(window.end.getTime()).toBeGreaterThan(now + 730 * 86_400_000);
  });
});
