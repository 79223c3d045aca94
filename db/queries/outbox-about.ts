import "server-only";
import { inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, invoices, services, staffInvites, users } from "@/db/schema";

/** What a message is about, as people name it: "Invoice INV-2026-0064" and the client's name, with where each lives. */
export type OutboxAbout = { record: { label: string; href: string | null } | null; client: { name: string; href: string } | null };

type Ref = { relatedType: string | null; relatedId: number | null; clientId: number | null };

const ids = (refs: Ref[], type: string) => [...new Set(refs.filter((r) => r.relatedType === type && r.relatedId).map((r) => r.relatedId!))];

/**
 * Names for the records a page of outbox messages points at, looked up in one
 * query per kind. A record deleted since keeps its kind and id ("Service #12").
 * Callers check "outbox:read".
 */
export async function describeOutbox(refs: Ref[]): Promise<Map<Ref, OutboxAbout>> {
  const db = getDb();
  const clientIds = [...new Set(refs.filter((r) => r.clientId).map((r) => r.clientId!))];
  const [invoiceRows, clientRows, serviceRows, inviteRows, userRows] = await Promise.all([
    lookup(ids(refs, "invoice"), (list) => db.select({ id: invoices.id, name: invoices.number }).from(invoices).where(inArray(invoices.id, list))),
    lookup(clientIds, (list) => db.select({ id: clients.id, name: clients.name }).from(clients).where(inArray(clients.id, list))),
    lookup(ids(refs, "service"), (list) => db.select({ id: services.id, name: services.name }).from(services).where(inArray(services.id, list))),
    lookup(ids(refs, "staff_invite"), (list) => db.select({ id: staffInvites.id, name: staffInvites.name }).from(staffInvites).where(inArray(staffInvites.id, list))),
    lookup(ids(refs, "user"), (list) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list))),
  ]);
  const names = { invoice: invoiceRows, service: serviceRows, staff_invite: inviteRows, user: userRows, client: clientRows } as Record<string, Map<number, string | null>>;
  const out = new Map<Ref, OutboxAbout>();
  for (const ref of refs) {
    const clientName = ref.clientId ? clientRows.get(ref.clientId) : undefined;
    out.set(ref, {
      record: ref.relatedType && ref.relatedId ? recordOf(ref.relatedType, ref.relatedId, names[ref.relatedType]?.get(ref.relatedId)) : null,
      client: ref.clientId && clientName ? { name: clientName, href: `/admin/clients/${ref.clientId}` } : null,
    });
  }
  return out;
}

async function lookup(list: number[], query: (list: number[]) => Promise<{ id: number; name: string | null }[]>): Promise<Map<number, string | null>> {
  if (list.length === 0) return new Map();
  return new Map((await query(list)).map((r) => [r.id, r.name]));
}

const kinds: Record<string, { noun: string; named?: (name: string) => string; href?: (id: number) => string }> = {
  invoice: { noun: "Invoice", named: (n) => `Invoice ${n}`, href: (id) => `/admin/invoices/${id}` },
  client: { noun: "Client", named: (n) => n, href: (id) => `/admin/clients/${id}` },
  service: { noun: "Service", named: (n) => `Service ${n}`, href: (id) => `/admin/services/${id}` },
  staff_invite: { noun: "Staff invite", named: (n) => `Staff invite for ${n}`, href: () => "/admin/invites" },
  user: { noun: "Account", named: (n) => `Account of ${n}`, href: () => "/admin/staff" },
  payment: { noun: "Payment" },
  subscription: { noun: "Subscription" },
};

function recordOf(type: string, id: number, name: string | null | undefined): OutboxAbout["record"] {
  const kind = kinds[type] ?? { noun: type.replace(/_/g, " ") };
  // Kinds without names (payments) show their id; a named kind whose row is gone says so.
  if (!kind.named) return { label: `${kind.noun} #${id}`, href: null };
  if (name === undefined) return { label: `${kind.noun} #${id} (deleted)`, href: null };
  // null: the record has no name yet (a draft invoice has no number).
  if (name === null) return { label: type === "invoice" ? `Draft invoice #${id}` : `${kind.noun} #${id}`, href: kind.href?.(id) ?? null };
  return { label: kind.named(name), href: kind.href?.(id) ?? null };
}
