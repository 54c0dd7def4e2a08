import { cacheStore } from '@/lib/cache';
import { db, readDb } from '@/lib/database';
import type { AvailabilityDeps } from './answer-availability';

/** What a request answering availability uses (the API and the booking page alike): primary, replica, cache store. */
export const availabilityDeps = (): AvailabilityDeps => ({ database: db(), replica: readDb(), store: cacheStore() });
