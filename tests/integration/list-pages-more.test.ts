import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, staffInvites } from "@/db/schema";
import { ensureSettingsRow } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createClientUser, createUser } from "../support/factories";
import { createService } from "../support/portal";
import { renderPage } from "../support/render-page";
import { actAs } from "../support/request-context";

// The invite page's forms hold a router, which only a mounted app router gives; redirect() stays Next's own.
jest.mock("next/navigation", () => ({ ...jest.requireActual("next/navigation"), useRouter: () => ({ push() {}, replace() {}, refresh() {}, prefetch() {} }) }));

// The services, staff and invite lists (and the portal's services) are paged
// like the others: page 1 and page 2 hold the right rows in a stable order, a
// page past the end goes to the last page with the other params kept, and
// invites still waiting for a decision come first, so however many newer ones
// there are an admin still finds them.

const pages = {
  staffServices: () => import("@/app/(staff)/staff/services/page"),
  adminServices: () => import("@/app/(admin)/admin/services/page"),
  adminStaff: () => import("@/app/(admin)/admin/staff/page"),
  adminInvites: () => import("@/app/(admin)/admin/invites/page"),
  staffInvites: () => import("@/app/(staff)/staff/invites/page"),
  portalServices: () => import("@/app/(client)/portal/services/page"),
};

/** Every capture of `pattern` in `html`, in the order they appear. */
const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!);

/** The HTML of the table labelled `label`, or "" when the page has none. */
function table(html: string, label: string): string {
  const start = html.indexOf(`aria-label="${label}"`);
  return start < 0 ? "" : html.slice(start, html.indexOf("</table>", start));
}

let admin: Awaited<ReturnType<typeof createUser>>;
let staff: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
  admin = await createUser({ role: "admin", name: "Ada Admin" });
  staff = await createUser({ role: "staff", name: "Zed Staff" });
});

describe("back-office services", () => {
  // 30 in the catalogue, two of each name and added in reverse, so only the id orders a pair; 27 archived.
  let catalogue: number[];
  beforeAll(async () => {
    const added: { id: number; name: string }[] = [];
    for (let i = 29; i >= 0; i--) {
      const name = `Plan ${String(Math.floor(i / 2)).padStart(2, "0")}`;
      added.push({ id: await createService({ name }), name });
    }
    catalogue = added.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id).map((s) => s.id);
    for (let i = 0; i < 27; i++) await createService({ name: `Old plan ${String(i).padStart(2, "0")}`, archived: true });
  });

  beforeEach(async () => {
    await actAs(staff);
  });

  const shown = (html: string) => all(html, /href="\/staff\/services\/(\d+)"/g).map(Number);

  it("shows 25 services by name and id on page 1 and the other 5 on page 2", async () => {
    const first = await renderPage(pages.staffServices);
    expect(first.redirect).toBeNull();
    expect(shown(first.html)).toEqual(catalogue.slice(0, 25));
    expect(first.html).toContain("Showing 1–25 of 30");
    expect(first.html).toContain('href="/staff/services?page=2"');
    const second = await renderPage(pages.staffServices, { page: "2" });
    expect(shown(second.html)).toEqual(catalogue.slice(25));
    expect(second.html).toContain("Showing 26–30 of 30");
  });

  it("keeps the archive tab in the pager and on the way to the last page, in both areas", async () => {
    const archive = await renderPage(pages.staffServices, { archived: "1" });
    expect(shown(archive.html)).toHaveLength(25);
    expect(archive.html).toContain('href="/staff/services?archived=1&amp;page=2"');
    expect((await renderPage(pages.staffServices, { archived: "1", page: "4" })).redirect).toBe("/staff/services?archived=1&page=2");
    expect((await renderPage(pages.staffServices, { archived: "1", page: "2" })).redirect).toBeNull();
    await actAs(admin);
    expect((await renderPage(pages.adminServices, { page: "9" })).redirect).toBe("/admin/services?page=2");
  });
});

describe("admin's staff list", () => {
  // 30 staff of one name: only the id orders them. With Ada Admin first and Zed Staff last, 32 people.
  let members: string[];
  beforeAll(async () => {
    members = [];
    for (let i = 0; i < 30; i++) members.push((await createUser({ role: "staff", name: "Pat Same", email: `member-${i}@staff.example` })).email);
  });

  beforeEach(async () => {
    await actAs(admin);
  });

  const shown = (html: string) => all(html, /(member-\d+@staff\.example)/g);

  it("pages the staff by status, role, name and id", async () => {
    const first = await renderPage(pages.adminStaff);
    expect(first.html.indexOf("Ada Admin")).toBeGreaterThan(-1);
    expect(shown(first.html)).toEqual(members.slice(0, 24));
    expect(first.html).toContain("Showing 1–25 of 32");
    // The only active admin still can't be disabled, counted over every page.
    expect(first.html).toContain("Last admin");
    const second = await renderPage(pages.adminStaff, { page: "2" });
    expect(shown(second.html)).toEqual(members.slice(24));
    expect(second.html).toContain("Zed Staff");
    expect(second.html).not.toContain("Ada Admin");
  });

  it("sends a page past the end to the last one", async () => {
    expect((await renderPage(pages.adminStaff, { page: "7" })).redirect).toBe("/admin/staff?page=2");
    expect((await renderPage(pages.adminStaff, { page: "abc" })).redirect).toBeNull();
  });
});

describe("staff invites", () => {
  // 120 settled invites, every fourth one Zed Staff's request, all newer than an
  // invite still waiting for a decision; another waiting one amid them; and the
  // oldest, whose decision link lapsed (expired, not waiting). 123 in all.
  const hour = 3_600_000;
  const settled = Array.from({ length: 120 }, (_, i) => `settled-${i}@invite.example`);
  beforeAll(async () => {
    const now = Date.now();
    await getDb()
      .insert(staffInvites)
      .values([
        {
          email: "lapsed@invite.example",
          name: "Lapsed",
          requestedBy: admin.id,
          status: "pending_approval",
          decisionExpiresAt: new Date(now - 3 * 24 * hour),
          createdAt: new Date(now - 10 * 24 * hour),
        },
        {
          email: "waiting-old@invite.example",
          name: "Waiting Old",
          requestedBy: admin.id,
          status: "pending_approval",
          decisionExpiresAt: new Date(now + 2 * 24 * hour),
          createdAt: new Date(now - 5 * 24 * hour),
        },
        ...settled.map((email, i) => ({
          email,
          name: `Settled ${i}`,
          requestedBy: i % 4 === 0 ? staff.id : admin.id,
          status: "rejected" as const,
          decidedBy: admin.id,
          decidedAt: new Date(now - 3 * 24 * hour + i * 60_000),
          createdAt: new Date(now - 4 * 24 * hour + i * 60_000),
        })),
        // Newer than settled-0..59, older than the other 60.
        {
          email: "waiting-new@invite.example",
          name: "Waiting New",
          requestedBy: admin.id,
          status: "pending_approval",
          decisionExpiresAt: new Date(now + 6 * 24 * hour),
          createdAt: new Date(now - 4 * 24 * hour + 60 * 60_000 - 30_000),
        },
      ]);
  });

  const emails = (html: string) => all(html, /([a-z0-9-]+@invite\.example)/g);
  const newestFirst = (list: string[]) => [...list].reverse();

  it("puts the invites waiting for a decision first, however many newer ones there are", async () => {
    await actAs(admin);
    const first = await renderPage(pages.adminInvites);
    expect(first.redirect).toBeNull();
    expect(emails(table(first.html, "Invites waiting for approval"))).toEqual(["waiting-new@invite.example", "waiting-old@invite.example"]);
    expect(emails(table(first.html, "Earlier invites"))).toEqual(newestFirst(settled).slice(0, 23));
    expect(first.html).toContain("Showing 1–25 of 123");
  });

  it("pages the rest newest first, ending with the lapsed one, and keeps other params on the way to the last page", async () => {
    await actAs(admin);
    const second = await renderPage(pages.adminInvites, { page: "2" });
    expect(table(second.html, "Invites waiting for approval")).toBe("");
    expect(emails(table(second.html, "Earlier invites"))).toEqual(newestFirst(settled).slice(23, 48));
    const last = await renderPage(pages.adminInvites, { page: "5" });
    expect(emails(table(last.html, "Earlier invites"))).toEqual([...newestFirst(settled).slice(98), "lapsed@invite.example"]);
    expect((await renderPage(pages.adminInvites, { from: "email", page: "6" })).redirect).toBe("/admin/invites?from=email&page=5");
  });

  it("pages a staff member's own requests", async () => {
    await actAs(staff);
    const mine = newestFirst(settled.filter((_, i) => i % 4 === 0));
    const first = await renderPage(pages.staffInvites);
    expect(emails(table(first.html, "Your invite requests"))).toEqual(mine.slice(0, 25));
    expect((await renderPage(pages.staffInvites, { page: "3" })).redirect).toBe("/staff/invites?page=2");
    expect(emails(table((await renderPage(pages.staffInvites, { page: "2" })).html, "Your invite requests"))).toEqual(mine.slice(25));
  });
});

describe("the portal's services", () => {
  it("pages the catalogue a client can subscribe to, 24 at a time", async () => {
    const client = await createClientUser("Browsing Client");
    // Euros: only these 30, not the back-office tests' dollar services, are on offer to it.
    await getDb().update(clients).set({ currency: "EUR" }).where(eq(clients.id, client.clientId));
    const names = Array.from({ length: 30 }, (_, i) => `Euro plan ${String(i).padStart(2, "0")}`);
    for (const name of [...names].reverse()) await createService({ name, currency: "EUR" });
    await actAs(client.user);
    const shown = (html: string) => all(html, /(Euro plan \d\d)/g).filter((n, i, list) => list.indexOf(n) === i);
    const first = await renderPage(pages.portalServices);
    expect(shown(first.html)).toEqual(names.slice(0, 24));
    expect(first.html).toContain("Showing 1–24 of 30");
    expect(shown((await renderPage(pages.portalServices, { page: "2" })).html)).toEqual(names.slice(24));
    expect((await renderPage(pages.portalServices, { page: "3" })).redirect).toBe("/portal/services?page=2");
  });
});
