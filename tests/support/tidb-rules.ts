/**
 * What TiDB (a distributed, MySQL-compatible database) rejects, ignores or runs differently, as rules
 * that scan our SQL: the drizzle/ migrations and the SQL strings in the TypeScript sources. Used by
 * tests/tidb-compat.test.ts; docs/scaling.md explains them. The target is TiDB 7.5 LTS or newer; versions
 * named are TiDB's.
 */
import ts from 'typescript';

export type RuleScope =
  /** Any SQL: migrations and the string/template literals of the sources. */
  | 'sql'
  /** The migrations only (DDL words that are ordinary English in messages). */
  | 'ddl'
  /** TypeScript code outside strings and comments (Drizzle calls that emit such SQL). */
  | 'code';

export interface TidbRule {
  id: string;
  scope: RuleScope;
  pattern: RegExp;
  why: string;
  /** Extra condition on a match (e.g. a number's range); a match counts only when this says so. */
  applies?: (match: RegExpExecArray) => boolean;
}

export interface TidbFinding {
  rule: string;
  file: string;
  line: number;
  excerpt: string;
  why: string;
}

const DEFINER = String.raw`(?:DEFINER\s*=\s*\S+\s+)?`;

export const TIDB_RULES: readonly TidbRule[] = [
  { id: 'fulltext', scope: 'sql', pattern: /\bFULLTEXT\b|\bMATCH\s*\([^)]*\)\s*AGAINST\b/i, why: 'TiDB has no FULLTEXT indexes or MATCH … AGAINST (self-hosted).' },
  { id: 'spatial-index', scope: 'sql', pattern: /\bSPATIAL\s+(?:INDEX|KEY)\b/i, why: 'TiDB has no spatial indexes.' },
  { id: 'spatial-function', scope: 'sql', pattern: /\bST_[A-Za-z]+\s*\(/i, why: 'TiDB has no spatial functions.' },
  {
    id: 'spatial-type',
    scope: 'ddl',
    pattern: /`[^`]+`\s+(?:GEOMETRY|POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\b/i,
    why: 'TiDB has no spatial column types.',
  },
  { id: 'trigger', scope: 'sql', pattern: new RegExp(String.raw`\bCREATE\s+${DEFINER}TRIGGER\b`, 'i'), why: 'TiDB does not run triggers.' },
  {
    id: 'stored-routine',
    scope: 'sql',
    pattern: new RegExp(String.raw`\bCREATE\s+${DEFINER}(?:PROCEDURE|FUNCTION)\b|\bCALL\s+\w+\s*\(`, 'i'),
    why: 'TiDB has no stored procedures or stored functions.',
  },
  { id: 'event', scope: 'sql', pattern: new RegExp(String.raw`\bCREATE\s+${DEFINER}EVENT\b`, 'i'), why: 'TiDB has no event scheduler.' },
  { id: 'lateral', scope: 'sql', pattern: /\bLATERAL\b/i, why: 'TiDB (and MariaDB) reject LATERAL derived tables.' },
  {
    id: 'foreign-key',
    scope: 'sql',
    pattern: /\bFOREIGN\s+KEY\b|\bREFERENCES\s+`?\w+`?\s*\(|\bON\s+(?:DELETE|UPDATE)\s+(?:CASCADE|SET\s+NULL|SET\s+DEFAULT|RESTRICT|NO\s+ACTION)\b/i,
    why: 'Foreign keys are experimental before TiDB 8.5 and cost a lookup per write; relations are kept by the code, deletes by natural keys.',
  },
  {
    id: 'check-constraint',
    scope: 'ddl',
    pattern: /\bCHECK\s*\(/i,
    why: 'TiDB ignores CHECK constraints unless tidb_enable_check_constraint is on (off by default): validate in code.',
  },
  { id: 'lock-tables', scope: 'sql', pattern: /\b(?:UN)?LOCK\s+TABLES?\b/i, why: 'LOCK TABLES needs enable-table-lock on TiDB and locks one server only; use GET_LOCK.' },
  {
    id: 'shared-row-lock',
    scope: 'sql',
    pattern: /\bLOCK\s+IN\s+SHARE\s+MODE\b|\bFOR\s+SHARE\b/i,
    why: 'TiDB rejects shared row locks unless tidb_enable_noop_functions is on, and then it ignores them.',
  },
  { id: 'skip-locked', scope: 'sql', pattern: /\bSKIP\s+LOCKED\b/i, why: 'TiDB does not implement SKIP LOCKED (a join with it fails outright).' },
  { id: 'found-rows', scope: 'sql', pattern: /\bSQL_CALC_FOUND_ROWS\b|\bFOUND_ROWS\s*\(/i, why: 'TiDB rejects SQL_CALC_FOUND_ROWS by default; count with COUNT(*).' },
  { id: 'json-table', scope: 'sql', pattern: /\bJSON_TABLE\s*\(/i, why: 'TiDB has no JSON_TABLE.' },
  { id: 'xa', scope: 'sql', pattern: /\bXA\s+(?:START|BEGIN|END|PREPARE|COMMIT|ROLLBACK|RECOVER)\b/i, why: 'TiDB has no XA transactions.' },
  {
    id: 'isolation-level',
    scope: 'sql',
    pattern: /\bISOLATION\s+LEVEL\s+(?:SERIALIZABLE|READ\s+UNCOMMITTED)\b/i,
    why: 'TiDB rejects SERIALIZABLE and READ UNCOMMITTED (snapshot isolation underneath).',
  },
  { id: 'returning', scope: 'sql', pattern: /\b(?:INSERT|REPLACE|DELETE)\b[\s\S]*\bRETURNING\b/i, why: 'RETURNING is MariaDB-only; MySQL and TiDB reject it.' },
  {
    id: 'insert-id-arithmetic',
    scope: 'sql',
    pattern: /\bLAST_INSERT_ID\s*\(\s*\)\s*[-+]/i,
    why: 'TiDB auto-increment ids are unique but not consecutive: re-select rows by their natural key.',
  },
  {
    id: 'get-lock-timeout',
    scope: 'sql',
    pattern: /\bGET_LOCK\s*\(\s*[^,()]+,\s*(-?\d+(?:\.\d+)?)\s*\)/i,
    applies: (m) => Number(m[1]) < 0 || Number(m[1]) > 3600,
    why: 'TiDB clamps GET_LOCK timeouts to 1–3600 s: -1 (forever) becomes one hour. Keep them within 0–3600.',
  },
  {
    id: 'relational-query',
    scope: 'code',
    pattern: /\b(?:db|tx)\.query\.[A-Za-z_$]|\.query\.[A-Za-z_$][\w$]*\.find(?:First|Many)\s*\(/,
    why: "Drizzle's relational queries (db.query.*) emit LEFT JOIN LATERAL: use the core select/join builder.",
  },
  { id: 'returning-id', scope: 'code', pattern: /\$returningId\s*\(/, why: '$returningId() assumes consecutive auto-increment ids, which TiDB does not give.' },
  {
    id: 'insert-id-arithmetic-code',
    scope: 'code',
    pattern: /\binsertId\s*[-+]\s*[\w(]/,
    why: 'Ids after insertId are not the next rows on TiDB (ids come in per-server batches): re-select by natural key.',
  },
  { id: 'drizzle-foreign-key', scope: 'code', pattern: /\.references\s*\(\s*\(\s*\)|\bforeignKey\s*\(\s*\{/, why: 'Foreign keys: see the foreign-key rule.' },
  { id: 'drizzle-check', scope: 'code', pattern: /\bcheck\s*\(\s*['"`][^'"`]+['"`]\s*,\s*sql`/, why: 'CHECK constraints: see the check-constraint rule.' },
  { id: 'drizzle-skip-locked', scope: 'code', pattern: /\bskipLocked\s*:\s*true\b/, why: 'TiDB does not implement SKIP LOCKED.' },
  {
    id: 'drizzle-isolation',
    scope: 'code',
    pattern: /\bisolationLevel\s*:\s*['"](?:serializable|read uncommitted)['"]/i,
    why: 'TiDB rejects SERIALIZABLE and READ UNCOMMITTED.',
  },
];

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** Every match of the rules of the given scopes in `text`; `firstLine` is the line `text` starts on. */
export function scanText(text: string, file: string, scopes: readonly RuleScope[], firstLine = 1): TidbFinding[] {
  const findings: TidbFinding[] = [];
  for (const rule of TIDB_RULES) {
    if (!scopes.includes(rule.scope)) continue;
    const re = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      if (rule.applies && !rule.applies(m)) continue;
      const excerpt = m[0].replace(/\s+/g, ' ').slice(0, 80);
      findings.push({ rule: rule.id, file, line: firstLine + lineAt(text, m.index) - 1, excerpt, why: rule.why });
    }
  }
  return findings;
}

/** A migration file: SQL comments (drizzle's `--> statement-breakpoint` among them) are not SQL. */
export function scanMigration(sql: string, file: string): TidbFinding[] {
  const withoutComments = sql.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/--[^\n]*/g, '');
  return scanText(withoutComments, file, ['sql', 'ddl']);
}

export interface SourceScan {
  findings: TidbFinding[];
  /** The string and template literals read as SQL, with the interpolations shown as `?`. */
  strings: string[];
}

/**
 * A TypeScript file: its string and template literals are checked as SQL (a template's parts joined
 * around `?`, so a statement built with `sql\`…\`` reads whole) and its code, with comments and
 * literals blanked out, against the Drizzle rules. Comments never count: they may name what to avoid.
 */
export function scanTypeScript(source: string, file: string): SourceScan {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const findings: TidbFinding[] = [];
  const strings: string[] = [];
  const blanks: Array<[number, number]> = [];
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;

  const visit = (node: ts.Node) => {
    for (const range of [...(ts.getLeadingCommentRanges(source, node.getFullStart()) ?? []), ...(ts.getTrailingCommentRanges(source, node.getEnd()) ?? [])]) {
      blanks.push([range.pos, range.end]);
    }
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? ');
    if (text !== null) {
      strings.push(text);
      findings.push(...scanText(text, file, ['sql'], lineOf(node.getStart())));
      if (!ts.isTemplateExpression(node)) blanks.push([node.getStart() + 1, node.getEnd() - 1]);
    }
    if (ts.isTemplateExpression(node)) {
      blanks.push([node.head.getStart() + 1, node.head.getEnd() - 2]);
      for (const { literal } of node.templateSpans) blanks.push([literal.getStart() + 1, literal.getEnd() - (ts.isTemplateMiddle(literal) ? 2 : 1)]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);

  const code = source.split('');
  for (const [from, to] of blanks) for (let i = from; i < to; i++) if (code[i] !== '\n') code[i] = ' ';
  findings.push(...scanText(code.join(''), file, ['code']));
  return { findings, strings };
}

/** One line per finding, for assertion messages. */
export const formatFindings = (findings: readonly TidbFinding[]) =>
  findings.map((f) => `${f.file}:${f.line} [${f.rule}] ${f.excerpt} — ${f.why}`).join('\n');
