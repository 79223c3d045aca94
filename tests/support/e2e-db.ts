import mysql from "mysql2/promise";

/** A direct connection to the database the app under test uses, for arranging and checking state. */
export function connectAppDb() {
  return mysql.createConnection({ uri: process.env.DATABASE_URL!, timezone: "Z" });
}
