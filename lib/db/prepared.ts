import type { Db } from './client';

/**
 * A query built once per database handle and run with new values through its `sql.placeholder`s, instead
 * of Drizzle building the same SQL again on every call. For the reads behind every song page: a song read
 * prepared cost 0.15–0.19 ms of CPU against 0.28–0.34 ms built per call (docs/scaling.md).
 */
export function preparedPerDb<T>(prepare: (db: Db) => T): (db: Db) => T {
  const byDb = new WeakMap<Db, T>();
  return (db) => {
    let query = byDb.get(db);
    if (query === undefined) byDb.set(db, (query = prepare(db)));
    return query;
  };
}
