// Prepares a module's SQL statements once per connection (no global connection anywhere).
import type { Database } from 'better-sqlite3';

export function statementsFor<T>(prepare: (db: Database) => T): (db: Database) => T {
  const cache = new WeakMap<Database, T>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) {
      statements = prepare(db);
      cache.set(db, statements);
    }
    return statements;
  };
}
