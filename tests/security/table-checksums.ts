/** CHECKSUM TABLE of every table in a database: equal before and after means no row changed. */
import mysql from 'mysql2/promise';

export async function tableChecksums(url: string): Promise<Record<string, string>> {
  const connection = await mysql.createConnection({ uri: url });
  try {
    const [tables] = (await connection.query('SHOW TABLES')) as unknown as [Record<string, string>[]];
    const names = tables.map((row) => Object.values(row)[0]!).filter((name) => !name.startsWith('__drizzle'));
    const [sums] = (await connection.query(`CHECKSUM TABLE ${names.map((n) => `\`${n}\``).join(', ')}`)) as unknown as [{ Table: string; Checksum: number | string }[]];
    return Object.fromEntries(sums.map((row) => [row.Table.split('.').pop()!, String(row.Checksum)]));
  } finally {
    await connection.end();
  }
}
