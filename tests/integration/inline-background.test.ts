import { RetryAfterError } from 'inngest';
import { describe, expect, it } from 'vitest';
import { concurrencyKey, runInBackground, settleBackgroundRuns } from '@/inngest/inline-background';

// JOBS=inline, a job with a concurrency key (calendar sync) runs in the background: one run per key,
// a request during a run makes it run exactly once more, two runs in all, and a RetryAfterError within
// the window is asked for again after its delay. What the old in-process sync scheduler did, now for
// the job definition.

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe('inline background runs', () => {
  it('keys a run by the job and its concurrency key in the event', () => {
    const event = { id: 'e1', name: 'calendar/sync-requested' as const, data: { connectionId: 'c-1', provider: 'ics' as const }, ts: 0 };
    expect(concurrencyKey('calendar-sync', { key: 'event.data.connectionId', limit: 1 }, event)).toBe('calendar-sync:c-1');
  });

  it('runs once more, not once per request, when asked during a run', async () => {
    const first = gate();
    let runs = 0;
    const run = async () => {
      runs += 1;
      if (runs === 1) await first.opened;
    };
    runInBackground('coalesce', run, 0);
    for (let i = 0; i < 5; i++) runInBackground('coalesce', run, 0);
    first.open();
    await settleBackgroundRuns();
    expect(runs).toBe(2);
  });

  it('runs at most two keys at once', async () => {
    const release = gate();
    let active = 0;
    let most = 0;
    const run = async () => {
      active += 1;
      most = Math.max(most, active);
      await release.opened;
      active -= 1;
    };
    for (const key of ['a', 'b', 'c', 'd']) runInBackground(`limit-${key}`, run, 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(active).toBe(2);
    release.open();
    await settleBackgroundRuns();
    expect(most).toBe(2);
  });

  it('asks again after the advised delay when it is within the window, and leaves a longer one to the poll', async () => {
    const tries: number[] = [];
    const started = Date.now();
    runInBackground('retry-soon', async () => {
      tries.push(Date.now() - started);
      if (tries.length === 1) throw new RetryAfterError('throttled', 1_000);
    }, 60_000);
    let later = 0;
    runInBackground('retry-late', async () => {
      later += 1;
      throw new RetryAfterError('throttled', 120_000);
    }, 60_000);
    await settleBackgroundRuns({ retries: true });
    expect(tries).toHaveLength(2);
    expect(tries[1]).toBeGreaterThanOrEqual(1_000);
    expect(later).toBe(1);
  });
});
