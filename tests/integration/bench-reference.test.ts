import { renderToStaticMarkup } from "react-dom/server";
import { listInvoices } from "@/db/queries/invoice-list";
import { parseInvoiceListParams } from "@/lib/validation/invoices";
import { ensureSettingsRow, insertClient, insertInvoice } from "../support/backoffice";
import { resetDatabase } from "../support/db";

// bench:web's reference page (app/bench/reference): the invoice list's rows,
// read the plainest way, and a 404 unless the bench turned it on.

type PageModule = { default: (props: { searchParams: Promise<Record<string, string>> }) => Promise<React.ReactElement> };

async function loadPage(flag: "on" | "off"): Promise<PageModule> {
  process.env.BENCH_REFERENCE = flag;
  let mod: PageModule | undefined;
  // A fresh module registry, so lib/env reads the flag again.
  jest.isolateModules(() => {
    mod = jest.requireActual("@/app/bench/reference/page") as PageModule;
  });
  return mod!;
}

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
  const client = await insertClient();
  for (let i = 0; i < 30; i++) await insertInvoice(client.id, { status: i % 3 === 0 ? "paid" : "sent", totalMinor: 1000 + i, paidMinor: i % 3 === 0 ? 1000 + i : 0 });
});

afterAll(() => {
  delete process.env.BENCH_REFERENCE;
});

describe("the bench reference page", () => {
  it("is a 404 unless BENCH_REFERENCE=on", async () => {
    const page = await loadPage("off");
    const error = await page.default({ searchParams: Promise.resolve({}) }).then(
      () => null,
      (e: unknown) => e as { digest?: string },
    );
    expect(error?.digest).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });

  it("shows the same rows as the invoice list, in its order, as a plain table", async () => {
    const page = await loadPage("on");
    const html = renderToStaticMarkup(await page.default({ searchParams: Promise.resolve({}) }));
    const { rows } = await listInvoices(parseInvoiceListParams({}, "USD", "en-US"), new Date().toISOString().slice(0, 10));
    expect(rows).toHaveLength(25);
    const numbers = [...html.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(numbers).toEqual(rows.map((r) => r.number ?? ""));
    expect(html).not.toMatch(/<script|<nav|<button/);
  });
});
