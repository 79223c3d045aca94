import { bigint, index, mysqlEnum, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, json, ref } from "./columns";
import { roles } from "./users";

// Append-only: nothing updates or deletes these rows.
export const auditLog = mysqlTable(
  "audit_log",
  {
    id: id(),
    actorUserId: ref("actor_user_id"),
    actorRole: mysqlEnum("actor_role", [...roles, "system"]).notNull(),
    action: varchar("action", { length: 60 }).notNull(),
    entityType: varchar("entity_type", { length: 30 }).notNull(),
    entityId: bigint("entity_id", { mode: "number", unsigned: true }),
    before: json<Record<string, unknown> | null>("before_data"),
    after: json<Record<string, unknown> | null>("after_data"),
    ip: varchar("ip", { length: 45 }),
    at: createdAt(),
  },
  (t) => [index("audit_entity_idx").on(t.entityType, t.entityId, t.at), index("audit_actor_idx").on(t.actorUserId, t.at), index("audit_action_idx").on(t.action, t.at), index("audit_at_idx").on(t.at)],
);
