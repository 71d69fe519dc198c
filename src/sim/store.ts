// The object tree, kept in SQLite: one row per managed object, keyed by DN,
// indexed by class (class queries) and by parent DN (children queries).
// Subtree queries use the primary key as a range: every descendant of `X`
// has a DN starting with `X/`, i.e. `X/` <= dn < `X0` (`0` follows `/`).
import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

export interface MoRow {
  dn: string;
  className: string;
  /** DN of the parent; '' for roots (`uni`, `topology`, `comp`). */
  parent: string;
  /** All attributes as the APIC shows them, `dn` included. */
  attrs: Record<string, string>;
}

interface RawRow {
  dn: string;
  class: string;
  parent: string;
  attrs: string;
}

const toRow = (r: RawRow): MoRow => ({ dn: r.dn, className: r.class, parent: r.parent, attrs: JSON.parse(r.attrs) as MoRow['attrs'] });

export class MoStore {
  readonly db: Database.Database;
  private readonly q: Record<string, Database.Statement>;
  private readonly whereCache = new Map<string, Database.Statement>();

  /** `dir` is a folder holding `apic-sim.db`, or ':memory:'. */
  constructor(dir: string) {
    let file = ':memory:';
    if (dir !== ':memory:') {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      file = join(dir, 'apic-sim.db');
      // Owner only: the file holds password hashes. SQLite gives its -wal and -shm files the same mode.
      closeSync(openSync(file, 'a', 0o600));
      chmodSync(file, 0o600);
    }
    this.db = new Database(file);
    if (file !== ':memory:') {
      // WAL + NORMAL: a committed request survives a killed process.
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS mo (
        dn TEXT PRIMARY KEY, class TEXT NOT NULL, parent TEXT NOT NULL, attrs TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS mo_class ON mo(class);
      CREATE INDEX IF NOT EXISTS mo_parent ON mo(parent);
      -- Filters on name are the most common (eq(fvBD.name,"x")); filter-sql.ts emits this exact expression.
      CREATE INDEX IF NOT EXISTS mo_class_name ON mo(class, json_extract(attrs, '$.name'));
      -- Objects per class, kept by triggers: a class count reads one row, not the class index.
      CREATE TABLE IF NOT EXISTS class_count (class TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TRIGGER IF NOT EXISTS mo_count_insert AFTER INSERT ON mo BEGIN
        INSERT INTO class_count (class, n) VALUES (new.class, 1) ON CONFLICT(class) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER IF NOT EXISTS mo_count_delete AFTER DELETE ON mo BEGIN
        UPDATE class_count SET n = n - 1 WHERE class = old.class;
      END;
      CREATE TRIGGER IF NOT EXISTS mo_count_update AFTER UPDATE OF class ON mo WHEN old.class <> new.class BEGIN
        UPDATE class_count SET n = n - 1 WHERE class = old.class;
        INSERT INTO class_count (class, n) VALUES (new.class, 1) ON CONFLICT(class) DO UPDATE SET n = n + 1;
      END;
      CREATE TABLE IF NOT EXISTS secret (dn TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    `);
    // A store written before the counts existed: count once.
    const counted = this.db.prepare("SELECT value FROM meta WHERE key = 'class_count'").get();
    if (!counted) {
      this.db.exec(`DELETE FROM class_count; INSERT INTO class_count (class, n) SELECT class, count(*) FROM mo GROUP BY class;
        INSERT INTO meta (key, value) VALUES ('class_count', '1') ON CONFLICT(key) DO NOTHING;`);
    }
    const p = (sql: string) => this.db.prepare(sql);
    this.q = {
      get: p('SELECT * FROM mo WHERE dn = ?'),
      children: p('SELECT * FROM mo WHERE parent = ? ORDER BY dn'),
      subtree: p('SELECT * FROM mo WHERE dn >= ? AND dn < ? ORDER BY dn'),
      byClass: p('SELECT * FROM mo WHERE class = ? ORDER BY dn'),
      all: p('SELECT * FROM mo ORDER BY dn'),
      count: p('SELECT count(*) AS n FROM mo'),
      put: p(
        'INSERT INTO mo (dn, class, parent, attrs) VALUES (?, ?, ?, ?) ON CONFLICT(dn) DO UPDATE SET class = excluded.class, parent = excluded.parent, attrs = excluded.attrs',
      ),
      del: p('DELETE FROM mo WHERE dn = ?'),
      delRange: p('DELETE FROM mo WHERE dn >= ? AND dn < ?'),
      clear: p('DELETE FROM mo'),
      getSecret: p('SELECT value FROM secret WHERE dn = ?'),
      setSecret: p('INSERT INTO secret (dn, value) VALUES (?, ?) ON CONFLICT(dn) DO UPDATE SET value = excluded.value'),
      delSecretRange: p('DELETE FROM secret WHERE dn = ? OR (dn >= ? AND dn < ?)'),
      getMeta: p('SELECT value FROM meta WHERE key = ?'),
      setMeta: p('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    };
  }

  get(dn: string): MoRow | undefined {
    const r = this.q.get.get(dn) as RawRow | undefined;
    return r ? toRow(r) : undefined;
  }

  has(dn: string): boolean {
    return this.q.get.get(dn) !== undefined;
  }

  children(dn: string): MoRow[] {
    return (this.q.children.all(dn) as RawRow[]).map(toRow);
  }

  /** Descendants of `dn`, not `dn` itself, parents before children (DN order). */
  descendants(dn: string): MoRow[] {
    return (this.q.subtree.all(`${dn}/`, `${dn}0`) as RawRow[]).map(toRow);
  }

  byClass(className: string): MoRow[] {
    return (this.q.byClass.all(className) as RawRow[]).map(toRow);
  }

  /** Objects of a class that also satisfy an SQL condition on `dn` / `attrs` (see filter-sql.ts). */
  byClassWhere(className: string, where: string, params: readonly string[]): MoRow[] {
    return (this.cached(`SELECT * FROM mo WHERE class = ? AND (${where}) ORDER BY dn`).all(className, ...params) as RawRow[]).map(toRow);
  }

  private cached(sql: string): Database.Statement {
    let stmt = this.whereCache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (this.whereCache.size > 200) this.whereCache.clear();
      this.whereCache.set(sql, stmt);
    }
    return stmt;
  }

  /** How many objects of a class satisfy an SQL condition, counted on the class index. */
  countClass(className: string, where = '1', params: readonly string[] = []): number {
    if (where === '1')
      return (this.cached('SELECT n FROM class_count WHERE class = ?').get(className) as { n: number } | undefined)?.n ?? 0;
    return (this.cached(`SELECT count(*) AS n FROM mo WHERE class = ? AND (${where})`).get(className, ...params) as { n: number }).n;
  }

  /** One page of a class in DN order, read through the class index (offset, limit). */
  pageClass(className: string, where: string, params: readonly string[], offset: number, limit: number): MoRow[] {
    const sql = `SELECT * FROM mo WHERE dn IN (SELECT dn FROM mo INDEXED BY mo_class WHERE class = ? AND (${where}) ORDER BY dn LIMIT ? OFFSET ?) ORDER BY dn`;
    return (this.cached(sql).all(className, ...params, limit, offset) as RawRow[]).map(toRow);
  }

  /** Objects of a class after `afterDn` in DN order, at most `limit` (reading a large class in slices). */
  classAfter(className: string, where: string, params: readonly string[], afterDn: string, limit: number): MoRow[] {
    const sql = `SELECT * FROM mo INDEXED BY mo_class WHERE class = ? AND dn > ? AND (${where}) ORDER BY dn LIMIT ?`;
    return (this.cached(sql).all(className, afterDn, ...params, limit) as RawRow[]).map(toRow);
  }

  all(): MoRow[] {
    return (this.q.all.all() as RawRow[]).map(toRow);
  }

  count(): number {
    return (this.q.count.get() as { n: number }).n;
  }

  put(row: MoRow): void {
    this.q.put.run(row.dn, row.className, row.parent, JSON.stringify(row.attrs));
  }

  /** Removes `dn` and everything under it (and their secrets). */
  deleteSubtree(dn: string): void {
    this.q.del.run(dn);
    this.q.delRange.run(`${dn}/`, `${dn}0`);
    this.q.delSecretRange.run(dn, `${dn}/`, `${dn}0`);
  }

  clear(): void {
    this.q.clear.run();
  }

  getSecret(dn: string): string | undefined {
    return (this.q.getSecret.get(dn) as { value: string } | undefined)?.value;
  }

  setSecret(dn: string, value: string): void {
    this.q.setSecret.run(dn, value);
  }

  getMeta(key: string): string | undefined {
    return (this.q.getMeta.get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.q.setMeta.run(key, value);
  }

  /** Runs `fn` all or nothing: any throw rolls every write back. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
