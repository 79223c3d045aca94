import "server-only";
import { getDb, type Db, type DbOrTx } from "@/db";

/**
 * A statement built on first use, once per database handle (tests and
 * scripts close and reopen it), then run with `sql.placeholder` values.
 * Building a drizzle query from its objects costs more CPU than the database
 * spends answering a small one, so the statements that every page view or
 * an often-viewed page sends are prepared.
 *
 * Placeholder values reach mysql2 as they are, without the column's encoder,
 * and mysql2 formats them itself: a Date in the pool's `timezone`, which is
 * UTC only because db/connect.ts sets "Z" (without it, the process's zone).
 * So pass an instant or a date as the column would write it
 * (`column.mapToDriverValue(value)`): one encoding, whatever the pool's
 * settings. Not for a read that also runs inside a transaction (another
 * handle): preparedFor() below.
 */
export function prepared<T>(build: (db: Db) => T): () => T {
  const byDb = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let statement = byDb.get(db);
    if (!statement) byDb.set(db, (statement = build(db)));
    return statement;
  };
}

/**
 * prepared() for a read that also runs inside transactions: on the pool's
 * handle the statement is built once; a transaction (another handle, which a
 * statement prepared on the pool can't run on) builds its own.
 */
export function preparedFor<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const onPool = prepared(build);
  return (db) => (db === getDb() ? onPool() : build(db));
}
