import { afterAll, afterEach, beforeEach } from 'vitest';
import { settleBackgroundRuns } from '@/inngest/inline-background';
import { inlineSink } from '@/inngest/inline-runner';
import { settleDispatches } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { type GoogleFake, startGoogleFake } from '../fakes/google/google-fake';
import { useProviderFake } from './calendar-helpers';

// For tests that follow a booking end to end: jobs run inline (calendar syncs included) against a
// fresh Google fake for each test. `fake()` is this test's fake; `settled()` waits for the jobs.

export function inlineJobsWithGoogle(before?: () => void) {
  let fake: GoogleFake | undefined;
  afterAll(() => installEventSink(undefined));
  beforeEach(async () => {
    before?.();
    fake = await startGoogleFake();
    useProviderFake('google', fake);
    installEventSink(inlineSink);
  });
  afterEach(async () => {
    await settleDispatches();
    await settleBackgroundRuns({ retries: true });
    await fake?.close();
  });
  return {
    fake: () => {
      if (!fake) throw new Error('inlineJobsWithGoogle: no fake outside a test');
      return fake;
    },
    settled: async () => {
      await settleDispatches();
      await settleBackgroundRuns({ retries: false });
    },
  };
}
