import { defineConfig } from 'vitest/config';

// `server-only` throws unless bundled for the server; vitest runs server modules directly.
const alias = { '@': import.meta.dirname, 'server-only': `${import.meta.dirname}/tests/setup/empty-module.ts` };

// Three suites: unit (pure, beside the code), integration (real Postgres), e2e (built app + Chromium).
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'emails/**/*.test.{ts,tsx}', 'tests/fakes/**/*.test.ts', 'tests/lint/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/database.global.ts'],
          setupFiles: ['tests/setup/database.setup.ts'],
          // Auth.js imports `next/server` without an extension: let Vite resolve it (tests drive its handlers).
          server: { deps: { inline: ['next-auth'] } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/app-server.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One file at a time against the one server, in one worker without isolation: each file paid
          // about 3 s to import the same modules afresh (85 s of the suite), and Chromium is shared
          // (tests/e2e/browser.ts). Files keep their own contexts and rows; helpers hold no file state.
          fileParallelism: false,
          isolate: false,
        },
      },
    ],
  },
});
