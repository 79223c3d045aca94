import { bigint, customType, datetime } from "drizzle-orm/mysql-core";

// Drizzle's serial() breaks on MariaDB; every id is an unsigned BIGINT.
export const id = () => bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey();

export const ref = (name: string) => bigint(name, { mode: "number", unsigned: true });

export const money = (name: string) => bigint(name, { mode: "number" });

// Millisecond precision UTC timestamps, read back as Date.
export const timestamp = (name: string) => datetime(name, { mode: "date", fsp: 3 });

export const createdAt = () =>
  timestamp("created_at")
    .notNull()
    .$defaultFn(() => new Date());
export const updatedAt = () =>
  timestamp("updated_at")
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());

// MariaDB stores JSON as LONGTEXT and mysql2 hands it back as a string, while
// MySQL 8 hands back a parsed value: accept both.
export const json = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType: () => "json",
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => (typeof value === "string" ? (JSON.parse(value) as T) : (value as T)),
  })(name);
