import { z } from 'zod';

// The only reader of process.env. Parsed lazily so scripts and tests can set variables first.

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const perMinute = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const perHour = perMinute;
const bytes = (fallback: number) => z.coerce.number().int().min(64 * 1024).max(4 * 1024 ** 3).default(fallback);
const MiB = 1024 * 1024;
/** NODE_MAX_OLD_SPACE_MB: 512 is over twice the live heap with full caches (about 140 MiB with the default budgets). */
export const maxOldSpaceMb = z.coerce.number().int().min(0).max(65_536).default(512);
/** Comma-separated, newest first; blanks dropped. */
const secretList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : []),
  z.array(z.string()),
);
const MIN_SECRET_BYTES = 32;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Postgres for reads and writes. Unset: scripts start an embedded server and set it. */
  DATABASE_URL: optionalUrl,
  /** Optional read replica for uncached slot reads (cached ones come from the primary). */
  DATABASE_REPLICA_URL: optionalUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** The job runner's own pool (inline jobs, Inngest steps), apart from the requests'. */
  DATABASE_JOBS_POOL_MAX: z.coerce.number().int().min(1).max(50).default(4),
  /** Public origin used in links sent to invitees, and (through AUTH_URL) Auth.js's origin. */
  APP_URL: z.url().default('http://localhost:3000'),
  /**
   * Auth.js's own URL (origin + /api/auth). Unset: derived from APP_URL — set it only when sign-in
   * lives on another origin than the links. Never the listening address (`npm start` binds 0.0.0.0).
   */
  AUTH_URL: optionalUrl,
  /** Port of `npm start`. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Signs sessions and invitees' links. Required (≥ 32 bytes) in production. */
  AUTH_SECRET: optionalString,
  /** Secrets AUTH_SECRET replaced, newest first: links and sessions made with them stay valid. */
  AUTH_SECRET_PREVIOUS: secretList,
  UPSTASH_REDIS_REST_URL: optionalUrl,
  UPSTASH_REDIS_REST_TOKEN: optionalString,
  /** How long computed slots stay cached; 0 turns the slot cache off (benchmarks of the cold path). */
  SLOT_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  RATE_LIMIT_AVAILABILITY_PER_MINUTE: perMinute(300),
  RATE_LIMIT_BOOKINGS_PER_MINUTE: perMinute(20),
  /** Bookings one meeting type may receive per hour, and one invitee email per host per hour (0 = off). */
  RATE_LIMIT_BOOKINGS_PER_MEETING_TYPE_PER_HOUR: perHour(30),
  RATE_LIMIT_BOOKINGS_PER_EMAIL_PER_HOUR: perHour(5),
  /** Budget of the in-process cache store (used when Upstash is not configured). */
  CACHE_MEMORY_MAX_BYTES: bytes(64 * MiB),
  /** Budget of each process's finished availability replies. */
  AVAILABILITY_REPLY_CACHE_MAX_BYTES: bytes(32 * MiB),
  /**
   * `npm start` runs the server with `--max-old-space-size` set to this (0 = V8's own default, a
   * quarter of RAM up to 4 GiB). A cap makes V8 grow its heap in smaller steps, so resident memory
   * stays near what is live (bench/RESULTS.md, memory); an explicit flag in NODE_OPTIONS wins.
   */
  NODE_MAX_OLD_SPACE_MB: maxOldSpaceMb,
  /** How long a shared cache (CDN) may serve an availability reply: s-maxage; 0 = none may. */
  AVAILABILITY_SHARED_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  /**
   * Failed sign-ins per 15 minutes (a success is not counted) from one client on one account, and
   * from one client across accounts; past either that client waits out the window (0 = off).
   */
  SIGN_IN_ATTEMPTS_PER_ACCOUNT_AND_CLIENT: perMinute(10),
  SIGN_IN_ATTEMPTS_PER_CLIENT: perMinute(100),
  /**
   * Failed sign-ins on one account (in 24 h, from anywhere) before each further attempt from a client
   * that never signed in to it waits a delay that doubles from 1 s up to SIGN_IN_DELAY_MAX_SECONDS (0 =
   * off). Above one client's own limit, so a single client using up its budget slows nobody else.
   */
  SIGN_IN_FAILURES_BEFORE_DELAY: perMinute(20),
  SIGN_IN_DELAY_MAX_SECONDS: z.coerce.number().int().min(1).max(3_600).default(300),
  /** Sign-up attempts per client per hour, so "email already registered" cannot enumerate accounts at scale. */
  RATE_LIMIT_SIGN_UPS_PER_HOUR: perHour(10),
  /** Push notification POSTs accepted per calendar connection per minute; past it they are refused with no query (0 = off). */
  RATE_LIMIT_CALENDAR_NOTIFICATIONS_PER_MINUTE: perMinute(120),
  /** ICS feeds one host may try to add per hour (each try fetches and parses the feed). */
  RATE_LIMIT_ICS_FEED_ADDS_PER_HOUR: perHour(10),
  /** Webhook test events and resends a host may ask for per hour. */
  RATE_LIMIT_WEBHOOK_SENDS_PER_HOUR: perHour(60),
  /** "Sync now" / "Try again" on the integrations page: per connection per minute, and per host per hour. */
  RATE_LIMIT_SYNC_NOW_PER_CONNECTION_PER_MINUTE: perMinute(2),
  RATE_LIMIT_SYNC_NOW_PER_HOST_PER_HOUR: perHour(30),
  /**
   * Account emails (verification resends, email changes, password resets) per hour: per address or
   * account, and (password resets) per client. 0 turns a limit off.
   */
  RATE_LIMIT_ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR: perHour(5),
  RATE_LIMIT_PASSWORD_RESETS_PER_CLIENT_PER_HOUR: perHour(20),
  // Host API requests per API key per minute (0 = off).
  RATE_LIMIT_API_KEY_PER_MINUTE: perMinute(120),
  /** Host API requests refused with 401 per client address per 15 minutes; past it that client gets 429 (0 = off). */
  RATE_LIMIT_API_KEY_FAILURES_PER_CLIENT: perMinute(30),
  /** OAuth sign-in and calendar connections: each provider appears only when its client id is set. */
  GOOGLE_CLIENT_ID: optionalString,
  GOOGLE_CLIENT_SECRET: optionalString,
  MICROSOFT_CLIENT_ID: optionalString,
  MICROSOFT_CLIENT_SECRET: optionalString,
  MICROSOFT_TENANT: z.string().regex(/^[A-Za-z0-9.-]{1,100}$/).default('common'),
  /**
   * Seals calendar tokens (AES-256-GCM): `keyId:base64-of-32-bytes`, comma-separated, newest first.
   * The first seals; every listed key opens, so a key can be rotated. Required in production once a
   * calendar provider is configured.
   */
  TOKEN_ENCRYPTION_KEY: optionalString,
  /** Tests: send every Google request (consent page, token, revoke, Calendar API) to this origin. */
  GOOGLE_API_ORIGIN: optionalUrl,
  /** Tests: send every Microsoft request (identity platform, Graph) to this origin. */
  MICROSOFT_API_ORIGIN: optionalUrl,
  /** Tests only: let ICS feeds live on private, loopback and link-local addresses. */
  ICS_ALLOW_PRIVATE_NETWORKS: flag,
  /** Tests only: let webhook endpoints be http:// and live on private, loopback and link-local addresses. */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: flag,
  /**
   * In production the two flags above are refused unless this is set too, so neither is left on by
   * accident (the bench and the production-build browser tests set it: their receivers are on loopback).
   */
  ALLOW_PRIVATE_TARGETS_I_UNDERSTAND: flag,
  TRUST_PROXY: flag,
  /**
   * Where background jobs (emails, reminders) run: `inline` in the app process, or `inngest`.
   * Unset: `inngest` when INNGEST_EVENT_KEY or INNGEST_DEV is set, else `inline` (refused in production).
   */
  JOBS: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['inline', 'inngest']).optional()),
  /**
   * JOBS=inline under `npm start`: run the jobs in a second process at a lower CPU priority, so emails
   * and calendar writes never take a request's CPU (default). `0`: run them in the server process.
   */
  JOBS_WORKER: z
    .enum(['0', '1', 'true', 'false', ''])
    .optional()
    .transform((v) => v !== '0' && v !== 'false'),
  INNGEST_EVENT_KEY: optionalString,
  /** Verifies that requests to /api/inngest come from Inngest; required in `inngest` mode unless INNGEST_DEV. */
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_SIGNING_KEY_FALLBACK: optionalString,
  /** A self-hosted Inngest server, or the dev server's URL. */
  INNGEST_BASE_URL: optionalUrl,
  /** Use the local Inngest dev server (`npx inngest-cli dev`): no keys, no signature checks. */
  INNGEST_DEV: z.preprocess((v) => (v === '' || v === '0' || v === 'false' ? undefined : v), z.string().optional()),
  /** Sends mail through Resend; unset, mail is captured in the database and shown at /dev/mail. */
  RESEND_API_KEY: optionalString,
  /** Resend's API origin (tests point it at a local fake). */
  RESEND_BASE_URL: optionalUrl,
  /** The server log's level (JSON lines on stdout): `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Bearer token for GET /api/metrics; unset, that route answers 404. At least 32 characters (openssl rand -hex 32). */
  METRICS_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32, 'METRICS_TOKEN must be at least 32 characters (for example: openssl rand -hex 32)').optional()),
  /** The From header of every email. */
  EMAIL_FROM: z.string().min(3).max(320).default('Rendezvous <notifications@rendezvous.localhost>'),
}).superRefine((config, context) => {
  if (config.NODE_ENV !== 'production') return;
  if ((config.GOOGLE_CLIENT_ID || config.MICROSOFT_CLIENT_ID) && !config.TOKEN_ENCRYPTION_KEY) {
    context.addIssue({
      code: 'custom',
      path: ['TOKEN_ENCRYPTION_KEY'],
      message: 'TOKEN_ENCRYPTION_KEY must be set in production when calendar providers are configured (for example: k1:$(openssl rand -base64 32))',
    });
  }
  const inngestConfigured = Boolean(config.INNGEST_EVENT_KEY || config.INNGEST_DEV);
  if (!config.JOBS && !inngestConfigured) {
    context.addIssue({
      code: 'custom',
      path: ['JOBS'],
      message:
        'background jobs have nowhere to run: set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (Inngest Cloud or self-hosted with INNGEST_BASE_URL), or set JOBS=inline to run them in this process',
    });
  }
  if (config.INNGEST_DEV) {
    // Dev mode turns signature checks off: anyone could run the functions.
    context.addIssue({ code: 'custom', path: ['INNGEST_DEV'], message: 'INNGEST_DEV turns off signature checks and must not be set in production' });
  } else if (jobsModeOf(config) === 'inngest') {
    if (!config.INNGEST_SIGNING_KEY) {
      context.addIssue({ code: 'custom', path: ['INNGEST_SIGNING_KEY'], message: 'INNGEST_SIGNING_KEY must be set when jobs run on Inngest (it verifies requests to /api/inngest)' });
    }
    if (!config.INNGEST_EVENT_KEY) {
      context.addIssue({ code: 'custom', path: ['INNGEST_EVENT_KEY'], message: 'INNGEST_EVENT_KEY must be set when jobs run on Inngest (it sends the events)' });
    }
  }
  if (!config.ALLOW_PRIVATE_TARGETS_I_UNDERSTAND) {
    for (const name of ['ICS_ALLOW_PRIVATE_NETWORKS', 'WEBHOOK_ALLOW_PRIVATE_TARGETS'] as const) {
      if (!config[name]) continue;
      context.addIssue({
        code: 'custom',
        path: [name],
        message: `${name} lets any host make the server reach internal addresses and is refused in production; unset it, or also set ALLOW_PRIVATE_TARGETS_I_UNDERSTAND=1 if this server runs only against loopback test receivers`,
      });
    }
  }
  // Refused at startup: a missing secret would otherwise surface as a 500 on the first booking.
  for (const [name, secret] of [['AUTH_SECRET', config.AUTH_SECRET], ...config.AUTH_SECRET_PREVIOUS.map((s) => ['AUTH_SECRET_PREVIOUS', s])]) {
    if (!secret || Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
      context.addIssue({
        code: 'custom',
        path: [name!],
        message: `${name} must be set to at least ${MIN_SECRET_BYTES} random bytes in production (for example: openssl rand -base64 32)`,
      });
    }
  }
});

export type Env = z.infer<typeof envSchema>;

type JobsConfig = Pick<Env, 'JOBS' | 'INNGEST_EVENT_KEY' | 'INNGEST_DEV'>;

function jobsModeOf(config: JobsConfig): 'inline' | 'inngest' {
  return config.JOBS ?? (config.INNGEST_EVENT_KEY || config.INNGEST_DEV ? 'inngest' : 'inline');
}

/** `inline`: jobs run in this process. `inngest`: events go to Inngest, which calls /api/inngest. */
export function jobsMode(): 'inline' | 'inngest' {
  return jobsModeOf(env());
}

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new Error(`Invalid environment configuration:\n  ${problems.join('\n  ')}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Where Auth.js lives: AUTH_URL, else APP_URL's origin + /api/auth. */
export function authUrl(): string {
  const config = env();
  return config.AUTH_URL ?? new URL('/api/auth', config.APP_URL).toString();
}

/**
 * Auth.js reads AUTH_URL from the process environment itself (server actions' sign-in URLs); without
 * it, it trusts the request's address, which under `npm start` is http://0.0.0.0:PORT (reported as
 * localhost). scripts/serve.ts calls this before Next.js starts (scripts/run-with-db.ts passes it to
 * `next dev`); the Auth.js route addresses its requests to the same origin (app/api/auth).
 */
export function exportAuthUrlForAuthJs(): void {
  process.env.AUTH_URL = authUrl();
}

/** V8's young generation per semi-space (MiB): fewer scavenges and promotions on a busy server. */
export const SERVER_SEMI_SPACE_MB = 32;

/**
 * NODE_OPTIONS for the production server: the given options plus the old-space cap (unless it is 0)
 * and a 32 MiB semi-space, each unless the options already set it. Measured in bench/RESULTS.md
 * (memory, cold availability): the cap keeps resident memory near the live heap, the larger young
 * generation wins back the throughput the smaller heap's more frequent collections cost.
 */
export function nodeOptionsWithHeapCap(nodeOptions: string | undefined, maxOldSpaceMb: number): string | undefined {
  const flags = [nodeOptions?.trim()];
  if (maxOldSpaceMb > 0 && !/--max-old-space-size\b/.test(nodeOptions ?? '')) flags.push(`--max-old-space-size=${maxOldSpaceMb}`);
  if (!/--max-semi-space-size\b/.test(nodeOptions ?? '')) flags.push(`--max-semi-space-size=${SERVER_SEMI_SPACE_MB}`);
  return flags.filter(Boolean).join(' ') || undefined;
}

/** Tests change variables between cases; this forgets the parsed copy. */
export function resetEnvForTests(): void {
  cached = undefined;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm run dev` / `npm start` (they start an embedded Postgres) or set DATABASE_URL.',
    );
  }
  return url;
}
