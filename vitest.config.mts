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
          // next-auth imports `next/server` without an extension; Vite's resolver (not Node's) finds it.
          server: { deps: { inline: ['next-auth'] } },
          globalSetup: ['tests/setup/database.global.ts'],
          setupFiles: ['tests/setup/database.setup.ts'],
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
          fileParallelism: false,
        },
      },
    ],
  },
});
