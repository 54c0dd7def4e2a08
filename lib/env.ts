import { z } from 'zod';

// The only reader of process.env. Parsed lazily so scripts and tests can set variables first.

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const perMinute = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Postgres for reads and writes. Unset: scripts start an embedded server and set it. */
  DATABASE_URL: optionalUrl,
  /** Optional read replica for slot reads. */
  DATABASE_REPLICA_URL: optionalUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Public origin used in links sent to invitees. */
  APP_URL: z.url().default('http://localhost:3000'),
  /** Port of `npm start`. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  AUTH_SECRET: optionalString,
  UPSTASH_REDIS_REST_URL: optionalUrl,
  UPSTASH_REDIS_REST_TOKEN: optionalString,
  /** How long computed slots stay cached; 0 turns the slot cache off (benchmarks of the cold path). */
  SLOT_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  RATE_LIMIT_AVAILABILITY_PER_MINUTE: perMinute(300),
  RATE_LIMIT_BOOKINGS_PER_MINUTE: perMinute(20),
  TRUST_PROXY: flag,
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_DEV: flag,
  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalUrl,
  EMAIL_FROM: z.string().default('Rendezvous <no-reply@rendezvous.local>'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

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
