// Production server: Next.js behind a plain Node HTTP server, for one reason — the client address.
// Next.js keeps an X-Forwarded-For header a client sends; unless TRUST_PROXY=1 we drop it, so Next.js
// records the real socket address there and rate limits cannot be dodged by forging the header.
import { createServer } from 'node:http';
import next from 'next';
import { env, exportAuthUrlForAuthJs, jobsMode } from '@/lib/env';
import { installJobsHandoff } from '@/lib/jobs/handoff';
import { errorField, log } from '@/lib/log';
import { superviseJobsWorker } from './jobs-worker-supervisor';

async function main(): Promise<void> {
  const port = process.argv[2] ? Number(process.argv[2]) : env().PORT;
  const hostname = process.argv[3] ?? '0.0.0.0';
  const trustProxy = env().TRUST_PROXY;
  // Before Next.js loads the app: Auth.js must take its origin from APP_URL, not from the listening
  // address (0.0.0.0, which Next.js reports as localhost). Set here, in the real environment, since the
  // bundled server code cannot change the environment Auth.js reads.
  exportAuthUrlForAuthJs();
  // JOBS=inline: the jobs run in a second, lower-priority process (lib/jobs/handoff.ts), installed
  // before Next.js loads so instrumentation.ts hands work over instead of starting the jobs here.
  const worker = jobsMode() === 'inline' && env().JOBS_WORKER ? superviseJobsWorker() : undefined;
  installJobsHandoff(worker?.handoff);
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    if (!trustProxy) delete req.headers['x-forwarded-for'];
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => log().info({ hostname, port }, `listening on http://${hostname}:${port}`));
  const close = () => {
    // The worker first, so its exit is not taken for a crash while requests drain.
    const workerStopped = worker?.stop() ?? Promise.resolve();
    server.close(() => void workerStopped.finally(() => process.exit(0)));
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
}

main().catch((error: unknown) => {
  log().error({ err: errorField(error, true) }, 'server failed to start');
  process.exit(1);
});
