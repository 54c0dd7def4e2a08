// Stands in for `server-only` outside Next.js: vitest runs server modules directly, which is allowed.
export {};
