/**
 * Hostile values for every public input: SQL injection, over-long and odd strings, wrong types,
 * huge numbers and page sizes. Shared by the API test (Vitest) and the page test (Playwright).
 */
export const SQL_INJECTION = [
  "' OR '1'='1",
  "' OR 1=1 -- ",
  '" OR ""="',
  "1; DROP TABLE tracks; --",
  "1' ; DELETE FROM forecasts WHERE '1'='1",
  "'; UPDATE models SET status='active'; --",
  "1 UNION SELECT password FROM mysql.user",
  "' UNION SELECT NULL, @@version -- ",
  "1' AND SLEEP(5) -- ",
  "1 AND BENCHMARK(10000000, MD5(1))",
  "%' AND 1=0 UNION SELECT table_name FROM information_schema.tables -- ",
  "\\'; SHOW TABLES; --",
  "admin'/*",
  "0x27 OR 0x31=0x31",
  "1)) OR ((1=1",
];

export const ODD_STRINGS = [
  '',
  ' ',
  'a'.repeat(101),
  'x'.repeat(5_000),
  '%',
  '_',
  '\\',
  '%00',
  '\u0000null byte',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '%s%s%s%n',
  '😀🎵 ñ 漢字',
  '\u202Ereversed',
  '[object Object]',
  '{"$gt":""}',
];

export const WRONG_NUMBERS = ['-1', '0', '1.5', 'NaN', 'Infinity', '-Infinity', '1e309', '9'.repeat(40), '0x1F', 'true', 'null', '[]', '1,2', '2147483648', '-0'];

export const HUGE_PAGE_SIZES = ['201', '1000', '10000', '1000000', '99999999999999999999', '1e6'];

/** Every hostile value once. */
export const ALL_HOSTILE = [...SQL_INJECTION, ...ODD_STRINGS, ...WRONG_NUMBERS, ...HUGE_PAGE_SIZES];
