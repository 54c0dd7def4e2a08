import { inject } from 'vitest';
import { resetEnvForTests } from '@/lib/env';

process.env.DATABASE_URL = inject('databaseUrl');
// Concurrency tests open many connections at once.
process.env.DATABASE_POOL_MAX = '40';
resetEnvForTests();
