// A handful of audit rows, so the audit page and each record's history show
// what the app writes: who did what, to which record, before and after.
import { auditLog } from "@/db/schema";
import type { SeedContext, SeededClient, SeededUser } from "./context";
import type { SeededService, SeededSubscription } from "./demo-catalog";
import type { SeededInvoice } from "./demo-invoices";
import { DEMO_TAX_BP, type DemoStaff } from "./demo-people";

type Entry = {
  actor: SeededUser;
  action: string;
  entityType: string;
  entityId: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: Date;
};

type AuditInputs = {
  settingsUpdatedAt: Date;
  office: DemoStaff;
  clients: SeededClient[];
  services: SeededService[];
  subscriptions: SeededSubscription[];
  invoices: SeededInvoice[];
};

function entries({ settingsUpdatedAt, office, clients, services, subscriptions, invoices }: AuditInputs): Entry[] {
  const { admin, staff, former } = office;
  const out: Entry[] = [];
  const newest = clients.at(-1);
  if (newest)
    out.push({
      actor: staff,
      action: "client.create",
      entityType: "client",
      entityId: newest.id,
      before: null,
      after: { name: newest.name, email: newest.email, company: newest.company },
      at: newest.createdAt,
    });
  const brand = services.find((s) => s.key === "brand");
  if (brand)
    out.push({
      actor: admin,
      action: "service.create",
      entityType: "service",
      entityId: brand.id,
      before: null,
      after: { name: brand.name, priceMinor: brand.priceMinor, interval: brand.interval },
      at: brand.createdAt,
    });
  const caseySub = subscriptions.find((s) => s.client.user);
  if (caseySub?.client.user) {
    const after = { serviceId: caseySub.service.id, priceMinor: caseySub.priceMinor, interval: caseySub.interval, paymentMethod: caseySub.paymentMethod };
    out.push({
      actor: caseySub.client.user,
      action: "subscription.create",
      entityType: "subscription",
      entityId: caseySub.id,
      before: null,
      after,
      at: caseySub.startedAt,
    });
  }
  const issued = invoices.filter((i) => i.number && i.sentAt && i.createdBy === staff.id).at(-1);
  if (issued)
    out.push({
      actor: staff,
      action: "invoice.issue",
      entityType: "invoice",
      entityId: issued.id,
      before: { status: "draft", number: null },
      after: { status: "sent", number: issued.number, totalMinor: issued.totalMinor },
      at: issued.sentAt!,
    });
  const voided = invoices.find((i) => i.status === "void");
  if (voided)
    out.push({
      actor: admin,
      action: "invoice.void",
      entityType: "invoice",
      entityId: voided.id,
      before: { status: "sent" },
      after: { status: "void" },
      at: voided.voidedAt!,
    });
  const payments = invoices.flatMap((i) => i.payments);
  const recorded = payments.filter((p) => p.status === "succeeded" && p.recordedBy === staff.id).at(-1);
  if (recorded)
    out.push({
      actor: staff,
      action: "payment.record",
      entityType: "payment",
      entityId: recorded.id,
      before: null,
      after: { amountMinor: recorded.amountMinor, method: recorded.method, reference: recorded.reference },
      at: recorded.createdAt,
    });
  const refund = payments.find((p) => p.status === "refunded");
  if (refund)
    out.push({
      actor: admin,
      action: "payment.refund",
      entityType: "payment",
      entityId: refund.id,
      before: { status: "succeeded" },
      after: { status: "refunded" },
      at: refund.refundedAt!,
    });
  out.push({
    actor: admin,
    action: "user.disable",
    entityType: "user",
    entityId: former.id,
    before: { status: "active" },
    after: { status: "disabled" },
    at: office.formerDisabledAt,
  });
  out.push({
    actor: admin,
    action: "settings.update",
    entityType: "settings",
    entityId: 1,
    before: { taxRateBp: 800 },
    after: { taxRateBp: DEMO_TAX_BP },
    at: settingsUpdatedAt,
  });
  return out;
}

export async function insertAudit(ctx: SeedContext, inputs: AuditInputs): Promise<number> {
  const rows = entries(inputs)
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((e, n) => ({
      actorUserId: e.actor.id,
      actorRole: e.actor.role,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
      // Addresses from TEST-NET-3 (RFC 5737), reserved for documentation.
      ip: `203.0.113.${10 + n}`,
      at: e.at,
    }));
  await ctx.tx.insert(auditLog).values(rows);
  return rows.length;
}
