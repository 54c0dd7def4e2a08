import { fillPlaceholders, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import type { Queryable } from './client';

// drizzle builds a statement's text from its query builder on every call: 40–330 µs for the booking
// path's wide statements (an insert returning every column of bookings is the worst), about a quarter
// of a booking request's app CPU. A prebuilt statement is built once, with placeholders, as a drizzle
// prepared query, and each call runs it on the connection of the Queryable it is given: the pool's,
// or a transaction's. A placeholder given as an insert's column value is mapped by the column (a Date
// becomes ISO text; JSON is stringified, null too); any other placeholder (in a condition, in an `sql`
// fragment) goes to the driver as given: pass ISO strings for instants, JSON text or null. A column
// with a `$defaultFn` would be evaluated once, at build time: give such a column a placeholder. drizzle has no public way to run a prepared query inside a
// transaction, so this reads the session's connection (drizzle-orm is pinned; the integration test
// tests/integration/prebuilt-statements.test.ts proves a statement runs inside the transaction given).

interface PreparedQuery<R> {
  execute(values: Record<string, unknown>): Promise<R>;
  client: Sql;
}

interface SessionOf {
  session: { client: Sql };
}

function connectionOf(database: Queryable): Sql {
  return (database as unknown as SessionOf).session.client;
}

export function prebuilt<V extends Record<string, unknown>, R>(
  name: string,
  build: (database: Queryable) => { prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R> } },
): (database: Queryable, values: V) => Promise<R> {
  let template: PreparedQuery<R> | undefined;
  return (database, values) => {
    template ??= build(database).prepare(name) as unknown as PreparedQuery<R>;
    // Everything of the template but its connection.
    const bound = Object.create(template) as PreparedQuery<R>;
    bound.client = connectionOf(database);
    return bound.execute(values);
  };
}

const dialect = new PgDialect();

/**
 * The same for a statement written as an `sql` template (what `database.execute` runs): its text is
 * built once, with `sql.placeholder`s for the values, and each call returns the driver's rows, as
 * `execute` does. Every value is a placeholder inside an `sql` fragment, so it goes in as the driver
 * takes it.
 */
export function prebuiltSql<V extends Record<string, unknown>, Row extends Record<string, unknown>>(build: () => SQL): (database: Queryable, values: V) => Promise<Row[]> {
  let query: { sql: string; params: unknown[] } | undefined;
  return (database, values) => {
    query ??= dialect.sqlToQuery(build());
    return connectionOf(database).unsafe(query.sql, fillPlaceholders(query.params, values) as never[], { prepare: true }) as unknown as Promise<Row[]>;
  };
}
