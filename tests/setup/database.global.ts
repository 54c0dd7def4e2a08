import type { TestProject } from 'vitest/node';
import { createMigratedDatabase, startTestServer } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}

// One server and one migrated database per integration run; tests isolate themselves with
// factories that make unique rows (never shared seed ids, never global truncation).
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const database = await createMigratedDatabase(server, 'rendezvous_it');
  project.provide('databaseUrl', database.url);
  project.provide('adminDatabaseUrl', server.adminUrl);
  return async () => {
    await database.drop();
    await server.stop();
  };
}
