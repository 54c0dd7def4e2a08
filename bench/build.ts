import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { onCleanup } from './lifecycle';

// One production build in its own folder, so a running `next dev` or the e2e build is never disturbed.

export const BENCH_DIST_DIR = '.next-bench';
const nextBin = path.join(process.cwd(), 'node_modules', '.bin', 'next');

export interface BuildOutcome {
  reused: boolean;
  seconds: number;
}

/**
 * `next build` adds its dist folder's type globs to tsconfig.json and repoints next-env.d.ts. The
 * benchmark must not edit files outside bench/, so both are put back when that was Next's only change.
 */
function restoreFilesNextRewrote(before: { tsconfig: string; nextEnv: string | undefined }): void {
  const tsconfigPath = path.join(process.cwd(), 'tsconfig.json');
  const after = readFileSync(tsconfigPath, 'utf8');
  if (after !== before.tsconfig) {
    if (differsOnlyByBenchTypeGlobs(before.tsconfig, after)) {
      writeFileSync(tsconfigPath, before.tsconfig);
    } else {
      console.warn('[bench] tsconfig.json changed during the build beyond Next.js’s .next-bench globs; left as it is.');
    }
  }
  const nextEnvPath = path.join(process.cwd(), 'next-env.d.ts');
  if (before.nextEnv !== undefined && readFileSync(nextEnvPath, 'utf8') !== before.nextEnv) {
    writeFileSync(nextEnvPath, before.nextEnv);
  }
}

function differsOnlyByBenchTypeGlobs(before: string, after: string): boolean {
  try {
    const withoutBenchGlobs = JSON.parse(after) as { include?: unknown };
    if (Array.isArray(withoutBenchGlobs.include)) {
      withoutBenchGlobs.include = withoutBenchGlobs.include.filter((glob) => !String(glob).startsWith(`${BENCH_DIST_DIR}/`));
    }
    return JSON.stringify(withoutBenchGlobs) === JSON.stringify(JSON.parse(before));
  } catch {
    return false;
  }
}

function runNextBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(nextBin, ['build'], {
      env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const unregister = onCleanup('stop next build', async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      unregister();
      if (code === 0) resolve();
      else reject(new Error(`next build failed (${signal ?? `exit ${code}`}):\n${output.join('')}`));
    });
  });
}

/** Builds into .next-bench, unless BENCH_REUSE_BUILD=1 and a finished build is already there. */
export async function buildForBenchmark(): Promise<BuildOutcome> {
  if (process.env.BENCH_REUSE_BUILD === '1' && existsSync(path.join(BENCH_DIST_DIR, 'BUILD_ID'))) {
    console.log(`[bench] reusing the production build in ${BENCH_DIST_DIR} (BENCH_REUSE_BUILD=1)`);
    return { reused: true, seconds: 0 };
  }
  console.log(`[bench] next build → ${BENCH_DIST_DIR} …`);
  const nextEnvPath = path.join(process.cwd(), 'next-env.d.ts');
  const before = {
    tsconfig: readFileSync(path.join(process.cwd(), 'tsconfig.json'), 'utf8'),
    nextEnv: existsSync(nextEnvPath) ? readFileSync(nextEnvPath, 'utf8') : undefined,
  };
  const started = performance.now();
  const unregister = onCleanup('restore tsconfig.json', async () => restoreFilesNextRewrote(before));
  try {
    await runNextBuild();
  } finally {
    unregister();
    restoreFilesNextRewrote(before);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`[bench] built in ${seconds.toFixed(0)} s`);
  return { reused: false, seconds };
}
