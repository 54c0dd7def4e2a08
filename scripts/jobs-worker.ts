// The jobs worker: started by scripts/serve.ts (JOBS=inline, JOBS_WORKER not 0) at a lower CPU
// priority, never by hand. It loads the same built app as the server, so the jobs are the bundled
// code the server would have run, but answers no HTTP: preparing Next.js runs instrumentation.ts,
// which sees this process marked as the worker and takes its work from the server over the IPC
// channel (inngest/worker-channel.ts), besides the scheduled jobs and the reminder scan.
import next from 'next';
import { exportAuthUrlForAuthJs } from '@/lib/env';
import { markJobsWorkerProcess } from '@/lib/jobs/handoff';
import { errorField, log } from '@/lib/log';

async function main(): Promise<void> {
  if (!process.send) throw new Error('the jobs worker is started by scripts/serve.ts, which talks to it over an IPC channel');
  // A server that dies while this one is still starting must not leave it running on its own.
  const orphaned = () => process.exit(0);
  process.once('disconnect', orphaned);
  markJobsWorkerProcess();
  exportAuthUrlForAuthJs();
  await next({ dev: false }).prepare();
  // From here inngest/worker-channel.ts finishes what is in hand before it leaves.
  process.off('disconnect', orphaned);
  if (!process.connected) process.exit(0);
  log().info({ component: 'jobs', pid: process.pid }, 'jobs worker ready');
}

main().catch((error: unknown) => {
  log().error({ err: errorField(error, true) }, 'jobs worker failed to start');
  process.exit(1);
});
