// Next.js calls register() once when a server process starts (dev and production): background jobs
// start here. Edge runtimes have no database; only the Node.js server runs jobs.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startJobs } = await import('./inngest/start');
  startJobs();
}
