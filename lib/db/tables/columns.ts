import { customType, timestamp } from 'drizzle-orm/mysql-core';

/** created/updated timestamps shared by every table that changes. */
export const timestamps = {
  createdAt: timestamp('created_at', { mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { mode: 'date' }).notNull().defaultNow().onUpdateNow(),
};

/**
 * JSON column that reads the same on MySQL 8 (native JSON, parsed by mysql2)
 * and MariaDB (JSON is LONGTEXT, so the driver hands back a string).
 */
export const json = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType: () => 'json',
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T)),
  })(name);

/** LONGBLOB for model artifacts (drizzle's mysql-core has no blob column). */
export const longblob = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'longblob',
});
