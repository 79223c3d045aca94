import { clients, settings, users } from "@/db/schema";
import { businessTime, type SeedContext, type SeededClient, type SeededUser, withServerStep } from "./context";
import { CITIES, COMPANY_KINDS, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES, STREETS, fictionalUkPhone, fictionalUsPhone, slug } from "./names";

export const DEMO_PASSWORD = "ClientDesk-demo-1";
export const DEMO_COMPANY = "Northwind Studio";
export const DEMO_SENDER = "Northwind Studio Billing";
export const DEMO_TAX_BP = 825;
export const DEMO_DUE_DAYS = 14;
export const DEMO_PREFIX = "INV";
export const DEMO_ADDRESS = "500 Harbor Way, Suite 210\nPortland, OR 97209\nUnited States";
const CLIENT_COUNT = 25;
const SMS_OPT_IN_COUNT = 10;

// A tiny inline SVG, so invoices and emails show a logo without fetching anything.
const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><rect width="48" height="48" rx="10" fill="#1d4ed8"/><path d="M14 34V14h4l12 13V14h4v20h-4L18 21v13z" fill="#fff"/></svg>';

/** Returns when the settings were last changed (the audit log shows that change). */
export async function insertSettings(ctx: SeedContext): Promise<Date> {
  const updatedAt = businessTime(ctx, 400);
  await ctx.tx.insert(settings).values({
    id: 1,
    companyName: DEMO_COMPANY,
    companyAddress: DEMO_ADDRESS,
    companyEmail: "billing@example.com",
    companyPhone: fictionalUsPhone("503", 100),
    logo: LOGO_SVG,
    defaultCurrency: "USD",
    taxRateBp: DEMO_TAX_BP,
    invoicePrefix: DEMO_PREFIX,
    dueDays: DEMO_DUE_DAYS,
    senderName: DEMO_SENDER,
    minPaymentMinor: 500,
    bankInstructions:
      "Pay by ACH or wire to First Example Bank.\nAccount name: Northwind Studio LLC\nRouting number: 000000000\nAccount number: 000123456789\nPut the invoice number in the payment reference so we can match it.",
    cashInstructions: "Cash is welcome at our office (500 Harbor Way, Suite 210), Monday to Friday, 9am to 5pm. We'll hand you a receipt.",
    updatedAt,
  });
  return updatedAt;
}

export type DemoStaff = { admin: SeededUser; staff: SeededUser; former: SeededUser; formerDisabledAt: Date };

/** The back-office logins: one admin, one active staff member and one disabled former one. */
export async function insertStaffUsers(ctx: SeedContext, passwordHash: string): Promise<DemoStaff> {
  const rows = [
    { email: "admin@example.com", name: "Ada Admin", role: "admin", phone: fictionalUsPhone("503", 101), daysAgo: 430 },
    { email: "staff@example.com", name: "Sam Staff", role: "staff", phone: fictionalUsPhone("503", 102), daysAgo: 420 },
    { email: "former@example.com", name: "Frankie Former", role: "staff", phone: null, daysAgo: 410 },
  ] as const;
  const disabledAt = businessTime(ctx, 60);
  const values = rows.map((r) => {
    const createdAt = businessTime(ctx, r.daysAgo);
    const disabled = r.email === "former@example.com";
    return {
      email: r.email,
      name: r.name,
      role: r.role,
      phone: r.phone,
      passwordHash,
      status: disabled ? ("disabled" as const) : ("active" as const),
      // Disabling bumps session_version, which ends the user's old sessions.
      sessionVersion: disabled ? 2 : 1,
      lastLoginAt: businessTime(ctx, disabled ? 75 : 1),
      createdAt,
      updatedAt: disabled ? disabledAt : createdAt,
    };
  });
  const ids = await withServerStep(ctx, await ctx.tx.insert(users).values(values).$returningId());
  const [admin, staff, former] = values.map((v, i) => ({ id: ids[i]!.id, email: v.email, name: v.name, role: v.role }));
  return { admin: admin!, staff: staff!, former: former!, formerDisabledAt: disabledAt };
}

type ClientDraft = Omit<SeededClient, "id" | "user"> & { address: string; notes: string | null; login: boolean };

// The three clients with portal logins; client@example.com is the one the README tells people to try.
const PORTAL_CLIENTS = [
  { name: "Casey Client", company: "Casey's Corner Bakery", email: "client@example.com", phone: fictionalUsPhone("503", 142), smsOptIn: true, daysAgo: 410 },
  { name: "Jordan Lee", company: "Lee & Hart Architecture", email: "client2@example.com", phone: fictionalUsPhone("206", 117), smsOptIn: true, daysAgo: 395 },
  { name: "Morgan Reyes", company: "Reyes Landscaping", email: "client3@example.com", phone: fictionalUkPhone(318), smsOptIn: false, daysAgo: 380 },
] as const;

const NOTES = [
  "Prefers invoices on the 1st of the month.",
  "Net 30 agreed with Sam; don't send reminders before day 30.",
  "Contact the office manager, not the owner, about billing.",
  "Pays by bank transfer; always include the PO number.",
  "Referred by Lee & Hart Architecture.",
] as const;

function randomAddress(ctx: SeedContext): { text: string; area: string } {
  const city = ctx.rng.pick(CITIES);
  return { text: `${ctx.rng.int(12, 4800)} ${ctx.rng.pick(STREETS)}, ${city.city}, ${city.region} ${city.postcode}`, area: city.area };
}

function draftClients(ctx: SeedContext): ClientDraft[] {
  const { rng } = ctx;
  const drafts: ClientDraft[] = PORTAL_CLIENTS.map((p) => ({
    ...p,
    createdAt: businessTime(ctx, p.daysAgo),
    archivedAt: null,
    address: randomAddress(ctx).text,
    notes: null,
    login: true,
  }));
  const firsts = rng.shuffle(FIRST_NAMES);
  const lasts = rng.shuffle(LAST_NAMES);
  const words = rng.shuffle(COMPANY_WORDS);
  const kinds = rng.shuffle(COMPANY_KINDS);
  let optedIn = drafts.filter((d) => d.smsOptIn).length;
  for (let i = 0; drafts.length < CLIENT_COUNT; i++) {
    const first = firsts[i]!;
    const last = lasts[i]!;
    // Every fifth client is a person without a company.
    const company = i % 5 === 4 ? null : `${words[i]} ${kinds[i % kinds.length]}`;
    const where = randomAddress(ctx);
    const phone = i % 7 === 6 ? null : i % 6 === 5 ? fictionalUkPhone(500 + i) : fictionalUsPhone(where.area, 50 + i);
    // Only the US (mobile-capable) numbers can opt in: the UK ones are landlines.
    const smsOptIn = phone !== null && !phone.startsWith("+44") && optedIn < SMS_OPT_IN_COUNT && rng.chance(0.5);
    if (smsOptIn) optedIn++;
    // Two long-standing clients have left; their history stays (rule 10).
    const archived = i === 2 || i === 5;
    // Others skew towards recent months, so "new clients by month" grows.
    const daysAgo = archived ? rng.int(250, 420) : 2 + Math.floor(418 * rng.next() ** 1.5);
    drafts.push({
      name: `${first} ${last}`,
      company,
      email: `${first}.${last}@${company ? `${slug(company)}.example` : "example.net"}`.toLowerCase(),
      phone,
      smsOptIn,
      createdAt: businessTime(ctx, daysAgo),
      archivedAt: archived ? businessTime(ctx, rng.int(20, 60)) : null,
      address: where.text,
      notes: i % 4 === 1 ? rng.pick(NOTES) : null,
      login: false,
    });
  }
  return drafts;
}

/** ~25 clients with ids in creation order; three of them can sign in to the portal. */
export async function insertClients(ctx: SeedContext, passwordHash: string): Promise<SeededClient[]> {
  const drafts = draftClients(ctx).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const logins = drafts.filter((d) => d.login);
  const loginIds = await withServerStep(
    ctx,
    await ctx.tx
      .insert(users)
      .values(
        logins.map((d) => ({
          email: d.email,
          name: d.name,
          phone: d.phone,
          role: "client" as const,
          passwordHash,
          status: "active" as const,
          phoneVerifiedAt: d.phone ? d.createdAt : null,
          lastLoginAt: businessTime(ctx, ctx.rng.int(1, 9)),
          createdAt: d.createdAt,
          updatedAt: d.createdAt,
        })),
      )
      .$returningId(),
  );
  const userByEmail = new Map<string, SeededUser>(logins.map((d, i) => [d.email, { id: loginIds[i]!.id, email: d.email, name: d.name, role: "client" }]));
  const ids = await withServerStep(
    ctx,
    await ctx.tx
      .insert(clients)
      .values(
        drafts.map((d) => ({
          name: d.name,
          company: d.company,
          email: d.email,
          phone: d.phone,
          address: d.address,
          notes: d.notes,
          smsOptIn: d.smsOptIn,
          userId: userByEmail.get(d.email)?.id ?? null,
          archivedAt: d.archivedAt,
          createdAt: d.createdAt,
          updatedAt: d.archivedAt ?? d.createdAt,
        })),
      )
      .$returningId(),
  );
  return drafts.map((d, i) => ({
    id: ids[i]!.id,
    name: d.name,
    company: d.company,
    email: d.email,
    phone: d.phone,
    smsOptIn: d.smsOptIn,
    createdAt: d.createdAt,
    archivedAt: d.archivedAt,
    user: userByEmail.get(d.email) ?? null,
  }));
}
