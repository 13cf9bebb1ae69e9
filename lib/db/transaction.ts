import type { Pool, PoolConnection } from 'mysql2/promise';

/**
 * Runs `body` on one pooled connection inside a transaction: committed when it returns, rolled back when
 * it throws. For the bulk paths that send mysql2 statements (`INSERT … VALUES ?`) instead of Drizzle's builder.
 */
export async function inTransaction<T>(pool: Pool, body: (conn: PoolConnection) => Promise<T>): Promise<T> {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const result = await body(conn);
    await conn.commit();
    return result;
  } catch (err) {
    await conn.rollback().catch(() => undefined);
    throw err;
  } finally {
    conn.release();
  }
}
