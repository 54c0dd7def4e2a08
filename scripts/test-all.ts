// `npm test`: lint, typecheck, then the unit, integration and e2e suites, each in its own vitest run.
// Stops at nothing: every step runs, and the final line sums up the tests ("N passed, N failed").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
  counts?: { passed: number; failed: number; skipped: number };
}

const bin = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name);
const reportDir = mkdtempSync(path.join(tmpdir(), 'rendezvous-test-'));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };

function run(name: string, command: string, args: string[]): StepResult {
  console.log(`\n━━ ${name} ━━ ${[path.basename(command), ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return { name, ok: result.status === 0, seconds: (Date.now() - started) / 1000 };
}

function runSuite(project: string): StepResult {
  const reportFile = path.join(reportDir, `${project}.json`);
  const step = run(`${project} tests`, bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
  ]);
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numTotalTestSuites: number;
    };
    step.counts = {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + report.numTodoTests,
    };
    // The report decides, not only the exit code: a failed test must fail the step whatever vitest returned.
    if (report.numFailedTests > 0) step.ok = false;
    if (report.numPassedTests === 0) {
      console.error(`${project}: no test passed — treating the suite as failed.`);
      step.ok = false;
    }
  } catch {
    step.ok = false;
  }
  return step;
}

const steps: StepResult[] = [
  run('lint', bin('eslint'), ['--max-warnings', '0', '.']),
  run('typecheck', bin('tsc'), ['--noEmit']),
  runSuite('unit'),
  runSuite('integration'),
  runSuite('e2e'),
];

console.log('\n━━ summary ━━');
const total = { passed: 0, failed: 0, skipped: 0 };
for (const step of steps) {
  const counts = step.counts ? ` — ${step.counts.passed} passed, ${step.counts.failed} failed, ${step.counts.skipped} skipped` : '';
  console.log(`${step.ok ? 'ok  ' : 'FAIL'} ${step.name.padEnd(18)} ${step.seconds.toFixed(1).padStart(6)} s${counts}`);
  if (step.counts) {
    total.passed += step.counts.passed;
    total.failed += step.counts.failed;
    total.skipped += step.counts.skipped;
  }
}
// A step that failed without a failing test (lint, typecheck, a suite's setup) still counts as one failure.
const stepFailures = steps.filter((s) => !s.ok && (s.counts?.failed ?? 0) === 0).length;
console.log(`\ntests: ${total.passed} passed, ${total.failed + stepFailures} failed, ${total.skipped} skipped`);
process.exit(steps.every((s) => s.ok) ? 0 : 1);
