import { unzipSync } from "fflate";
import { GET as invoicePdf } from "@/app/api/invoices/[id]/pdf/route";
import { GET as zipRoute } from "@/app/api/invoices/zip/route";
import type { Actor } from "@/lib/actor";
import type { BrowserPool } from "@/lib/pdf/browser-pool";
import { getPdfPool } from "@/lib/pdf/print";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { createClient, ensureSettings, issuedInvoice, line } from "../support/invoices";
import { deferred } from "../support/load";
import { pdfText } from "../support/pdf-tools";
import { actAs } from "../support/request-context";

let staffUser: Awaited<ReturnType<typeof createUser>>;
let staff: Actor;
let clientId: number;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings();
  staffUser = await createUser({ role: "staff" });
  staff = { id: staffUser.id, role: "staff" };
  clientId = (await createClient({ name: "Bulk Buyer Ltd" })).id;
});

afterEach(() => {
  jest.restoreAllMocks();
});

afterAll(async () => {
  await getPdfPool().close();
});

const req = (path: string) => new Request(`http://localhost:3000${path}`);
const zipOf = (ids: number[]) => zipRoute(req(`/api/invoices/zip?ids=${ids.join(",")}`));

async function invoicesFor(count: number, label: string) {
  const made: { id: number; number: string }[] = [];
  for (let i = 1; i <= count; i++) made.push(await issuedInvoice(staff, clientId, [line(`${label} ${i}`, 1000, 100_00 + i)]));
  return made;
}

type Lease = { priority: string; running: number; bulkBusy: number };

/** Records every lease the app's pool hands out: its priority, how many were running with it, and the pool's bulk count. */
function watchLeases(pool: BrowserPool): Lease[] {
  const leases: Lease[] = [];
  let running = 0;
  const withPage = pool.withPage.bind(pool);
  jest.spyOn(pool, "withPage").mockImplementation(((fn, options) =>
    withPage(async (page, cdp) => {
      running += 1;
      leases.push({ priority: options?.priority ?? "interactive", running, bulkBusy: pool.stats().bulkBusy });
      try {
        return await fn(page, cdp);
      } finally {
        running -= 1;
      }
    }, options)) as BrowserPool["withPage"]);
  return leases;
}

describe("the invoice ZIP", () => {
  it("holds the selected invoices' PDFs, named by number, in order, skipping ids that don't exist", async () => {
    const [a, b] = await invoicesFor(2, "Zipped work");
    await actAs(staffUser);
    const res = await zipOf([b!.id, 999_999, a!.id]);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="invoices-\d{4}-\d{2}-\d{2}\.zip"$/);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toEqual([`${b!.number}.pdf`, `${a!.number}.pdf`]);
    expect(pdfText(Buffer.from(files[`${b!.number}.pdf`]!))).toContain("Zipped work 2");
    expect(pdfText(Buffer.from(files[`${a!.number}.pdf`]!))).toContain("Zipped work 1");
  });

  it("refuses malformed or too many ids with a plain 400, and answers 404 when none exist", async () => {
    await actAs(staffUser);
    const cases: [string, number, string][] = [
      ["", 400, "Select at least one invoice."],
      ["?ids=", 400, "Select at least one invoice."],
      ["?ids=12abc", 400, "Invoice ids are whole numbers, like ?ids=12,15."],
      ["?ids=1,-2", 400, "Invoice ids are whole numbers, like ?ids=12,15."],
      [`?ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(",")}`, 400, "Select at most 100 invoices at a time."],
      ["?ids=999998,999999", 404, "Not found"],
    ];
    for (const [query, status, message] of cases) {
      const res = await zipRoute(req(`/api/invoices/zip${query}`));
      expect([query.slice(0, 20), res.status, await res.text()]).toEqual([query.slice(0, 20), status, message]);
    }
  });

  it("prints a large ZIP on one page at a time, leaving the rest of the printer free", async () => {
    const bundle = await invoicesFor(25, "One page at a time");
    const leases = watchLeases(getPdfPool());
    await actAs(staffUser);
    const res = await zipOf(bundle.map((i) => i.id));
    expect(Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer())))).toHaveLength(25);
    expect(leases).toHaveLength(25);
    expect(Math.max(...leases.map((l) => l.running))).toBe(1);
    expect(leases.every((l) => l.priority === "bulk")).toBe(true);
    expect(Math.max(...leases.map((l) => l.bulkBusy))).toBe(1);
  });

  it("serves a single-invoice PDF asked for while a large ZIP is printing before the ZIP finishes", async () => {
    const bundle = await invoicesFor(40, "Bulk line");
    const [single] = await invoicesFor(1, "Wanted now");
    const leases = watchLeases(getPdfPool());
    const events: string[] = [];
    const zipPrinting = deferred();
    await actAs(staffUser);
    const zipping = (async () => {
      const reader = (await zipOf(bundle.map((i) => i.id))).body!.getReader();
      for (;;) {
        if (leases.length >= 3) zipPrinting.resolve();
        if ((await reader.read()).done) break;
      }
      events.push("ZIP finished");
    })();
    await zipPrinting.promise;
    const res = await invoicePdf(req(`/api/invoices/${single!.id}/pdf`), { params: Promise.resolve({ id: String(single!.id) }) });
    expect(pdfText(Buffer.from(await res.arrayBuffer()))).toContain("Wanted now 1");
    events.push("single PDF served");
    await zipping;
    expect(events).toEqual(["single PDF served", "ZIP finished"]);
    expect(leases.filter((l) => l.priority === "interactive")).toHaveLength(1);
    expect(Math.max(...leases.map((l) => l.bulkBusy))).toBe(1);
  });

  it("is limited to 30 a day per user: the 31st answers 429 with Retry-After, and another user is unaffected", async () => {
    const [invoice] = await invoicesFor(1, "Daily limit");
    const busyUser = await createUser({ role: "staff" });
    const otherUser = await createUser({ role: "admin" });
    await actAs(busyUser);
    for (let n = 1; n <= 30; n++) {
      const res = await zipOf([invoice!.id]);
      expect([n, res.status]).toEqual([n, 200]);
      await res.arrayBuffer();
    }
    const refused = await zipOf([invoice!.id]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(23 * 3600);
    expect(await refused.text()).toBe("You can download 30 PDF bundles a day. Try again later, or download invoices one at a time.");
    await actAs(otherUser);
    const allowed = await zipOf([invoice!.id]);
    expect(allowed.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(await allowed.arrayBuffer())))).toEqual([`${invoice!.number}.pdf`]);
  });
});
