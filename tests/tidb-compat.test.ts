/**
 * Keeps the schema and our SQL within what TiDB runs (docs/scaling.md): scans the drizzle/ migrations
 * and the SQL strings and Drizzle calls of the sources for constructs TiDB rejects or runs differently.
 * The rules are checked first on bad samples, so a scan that finds nothing means something.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockName } from '@/lib/jobs/lock';
import { jobs } from '@/lib/jobs/registry';
import { formatFindings, scanMigration, scanText, scanTypeScript, TIDB_RULES, type RuleScope } from './support/tidb-rules';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['lib', 'jobs', 'app'];

function listFiles(dir: string, keep: (file: string) => boolean): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : listFiles(full, keep);
    return keep(full) ? [full] : [];
  });
}

const isSource = (file: string) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith('.d.ts');
const rel = (file: string) => path.relative(ROOT, file);

/** At least one construct per rule that the rule must catch, in the scope it applies to. */
const BAD_SAMPLES: Record<string, string> = {
  fulltext: 'CREATE FULLTEXT INDEX `tracks_title_ft` ON `tracks` (`title`);',
  'spatial-index': 'CREATE SPATIAL INDEX `venues_loc` ON `venues` (`loc`);',
  'spatial-function': 'SELECT ST_Distance(a.loc, b.loc) FROM venues a, venues b',
  'spatial-type': 'CREATE TABLE `venues` (\n\t`loc` point NOT NULL\n);',
  trigger: 'CREATE DEFINER=`root`@`%` TRIGGER tracks_bi BEFORE INSERT ON tracks FOR EACH ROW SET NEW.title = TRIM(NEW.title)',
  'stored-routine': 'CREATE PROCEDURE refresh_scores() BEGIN END',
  event: 'CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM job_runs WHERE id < 0',
  lateral: 'SELECT t.id, f.p50 FROM tracks t LEFT JOIN LATERAL (SELECT p50 FROM forecasts WHERE track_id = t.id LIMIT 1) f ON TRUE',
  'foreign-key': 'ALTER TABLE `forecasts` ADD CONSTRAINT `fk` FOREIGN KEY (`track_id`) REFERENCES `tracks`(`id`) ON DELETE CASCADE;',
  'check-constraint': 'CREATE TABLE `t` (`p` double, CONSTRAINT `p_range` CHECK (`p` BETWEEN 0 AND 100));',
  'lock-tables': 'LOCK TABLES forecasts WRITE',
  'shared-row-lock': 'SELECT id FROM models WHERE status = ? LOCK IN SHARE MODE',
  'skip-locked': 'SELECT id FROM job_runs WHERE status = ? LIMIT 1 FOR UPDATE SKIP LOCKED',
  'found-rows': 'SELECT SQL_CALC_FOUND_ROWS id FROM tracks LIMIT 10',
  'json-table': "SELECT g.genre FROM artists, JSON_TABLE(genres, '$[*]' COLUMNS (genre VARCHAR(64) PATH '$')) g",
  xa: "XA START 'publish'",
  'isolation-level': 'SET TRANSACTION ISOLATION LEVEL SERIALIZABLE',
  returning: 'INSERT INTO tracks (match_key, title) VALUES (?, ?) RETURNING id',
  'insert-id-arithmetic': 'SELECT LAST_INSERT_ID() + 1',
  'get-lock-timeout': "SELECT GET_LOCK('songcast:weekly', -1)",
  'relational-query': 'const rows = await db.query.tracks.findMany({ with: { forecasts: true } });',
  'returning-id': 'const [{ id }] = await db.insert(tracks).values(row).$returningId();',
  'insert-id-arithmetic-code': 'const ids = rows.map((_, i) => res.insertId + i);',
  'drizzle-foreign-key': 'trackId: int("track_id").notNull().references(() => tracks.id, { onDelete: "cascade" }),',
  'drizzle-check': 'check("p_range", sql`${t.p} BETWEEN 0 AND 100`),',
  'drizzle-skip-locked': 'await tx.select().from(jobRuns).for("update", { skipLocked: true });',
  'drizzle-isolation': 'await db.transaction(run, { isolationLevel: "serializable" });',
};

/** Near misses that must pass: what we do write, and look-alikes. */
const GOOD_SQL = [
  "SELECT GET_LOCK(?, 0) AS got",
  "SELECT GET_LOCK('songcast:weekly', 3600)",
  'CREATE TABLE `t` (`updated_at` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP, `fulltext_hint` int, `point_count` int);',
  'INSERT INTO tracks (id, title) VALUES ? ON DUPLICATE KEY UPDATE `title` = COALESCE(`title`, VALUES(`title`))',
  'SELECT id, match_key FROM tracks WHERE match_key IN (?) ORDER BY id DESC',
  'SAVEPOINT sp1',
  'SELECT IS_USED_LOCK(?) AS holder',
];

const scopesOf = (scope: RuleScope): RuleScope[] => (scope === 'code' ? ['code'] : ['sql', 'ddl']);

describe('TiDB rules catch what they are for', () => {
  it('every rule has a bad sample, and every sample names a rule', () => {
    expect(Object.keys(BAD_SAMPLES).sort()).toEqual(TIDB_RULES.map((r) => r.id).sort());
  });

  it.each(TIDB_RULES.map((r) => [r.id, r] as const))('%s flags its bad sample', (id, rule) => {
    const findings = scanText(BAD_SAMPLES[id]!, 'sample', scopesOf(rule.scope));
    expect(findings.map((f) => f.rule)).toContain(id);
  });

  it('passes SQL we rely on and look-alikes', () => {
    const findings = GOOD_SQL.flatMap((sql, i) => scanText(sql, `good-${i}`, ['sql', 'ddl']));
    expect(formatFindings(findings)).toBe('');
  });

  it('reads a migration without its comments and reports the line', () => {
    const migration = '-- FULLTEXT is only mentioned here\nCREATE TABLE `a` (`id` int);\n--> statement-breakpoint\nCREATE FULLTEXT INDEX `a_ft` ON `a` (`id`);';
    expect(scanMigration(migration, 'drizzle/0001_bad.sql')).toMatchObject([{ rule: 'fulltext', line: 4 }]);
  });

  it('reads SQL in strings and Drizzle calls in code, never comments', () => {
    const source = [
      "import { sql } from 'drizzle-orm';",
      '// db.query.* emits LEFT JOIN LATERAL, which TiDB rejects: this comment must not count.',
      '/* neither must this: CREATE TRIGGER, $returningId() */',
      'export const risers = (db: Db, id: number) =>',
      '  db.execute(sql`SELECT f.p50 FROM tracks t LEFT JOIN LATERAL (SELECT p50 FROM forecasts WHERE track_id = ${id}) f ON TRUE`);',
      'export const first = (db: Db) => db.query.tracks.findFirst();',
      "export const message = 'Add a LOCK TABLES statement';",
    ].join('\n');
    const { findings, strings } = scanTypeScript(source, 'lib/queries/bad.ts');
    expect(findings.map((f) => [f.rule, f.line]).sort()).toEqual([
      ['lateral', 5],
      ['lock-tables', 7],
      ['relational-query', 6],
    ]);
    expect(strings).toContain('SELECT f.p50 FROM tracks t LEFT JOIN LATERAL (SELECT p50 FROM forecasts WHERE track_id =  ? ) f ON TRUE');
  });
});

describe('songcast stays within TiDB', () => {
  it('the migrations use nothing TiDB rejects', () => {
    const files = listFiles(path.join(ROOT, 'drizzle'), (f) => f.endsWith('.sql'));
    expect(files.length).toBeGreaterThan(0);
    const findings = files.flatMap((f) => scanMigration(readFileSync(f, 'utf8'), rel(f)));
    expect(formatFindings(findings)).toBe('');
  });

  it('the SQL and Drizzle calls in lib/, jobs/ and app/ use nothing TiDB rejects', () => {
    const files = SOURCE_DIRS.flatMap((dir) => listFiles(path.join(ROOT, dir), isSource));
    const scans = files.map((f) => scanTypeScript(readFileSync(f, 'utf8'), rel(f)));
    // The scan must have seen real SQL, or an empty result would prove nothing.
    const sqlStrings = scans.flatMap((s) => s.strings).filter((s) => /\b(?:SELECT|INSERT|UPDATE)\b/.test(s));
    expect(sqlStrings.length).toBeGreaterThan(3);
    expect(formatFindings(scans.flatMap((s) => s.findings))).toBe('');
  });

  it('job lock names fit the 64 characters GET_LOCK takes on MySQL 8 and TiDB', () => {
    const longest = Object.keys(jobs).reduce((a, b) => (b.length > a.length ? b : a), '');
    expect(longest.length).toBeGreaterThan(0);
    expect(lockName('songcast', longest).length).toBeLessThanOrEqual(64);
  });
});
