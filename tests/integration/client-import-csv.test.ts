import { readFileSync } from "node:fs";
import path from "node:path";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { clients } from "@/db/schema";
import { GET as exportClientsRoute } from "@/app/api/clients/export/route";
import { createClient } from "@/lib/actions/clients/create-client";
import { importClients } from "@/lib/actions/clients/import-clients";
import { previewClientImport } from "@/lib/actions/clients/preview-client-import";
import { IMPORT_MAX_ROWS } from "@/lib/validation/clients";
import { databaseChecksum, ensureSettingsRow } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { actAs } from "../support/request-context";

// Files as spreadsheets save them: a European Excel's semicolons, BOM and
// CRLF, cells with line breaks inside quotes, and broken quoting. Row errors
// and refusals name the line a person sees in a text editor.

const FIXTURE = path.join(process.cwd(), "tests", "fixtures", "clients-semicolon.csv");
const semicolonFile = readFileSync(FIXTURE, "utf8");

let admin: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
  admin = await createUser({ role: "admin" });
});

beforeEach(async () => {
  await actAs(admin);
});

const linesAndErrors = (rows: { line: number; errors: string[] }[]) => rows.map((r) => [r.line, r.errors]);

describe("a semicolon file from a European Excel", () => {
  it("is read with its columns, its BOM and CRLF, and quoted cells holding semicolons, commas and line breaks", async () => {
    const before = await databaseChecksum();
    const result = await previewClientImport(undefined, { csv: semicolonFile });
    expect(await databaseChecksum()).toBe(before);
    expect(result.ok).toBe(true);
    const preview = result.data!;
    expect(preview).toMatchObject({ columns: ["Name", "Company", "Email", "Phone", "Address", "Notes", "SMS opt-in"], ignored: [], valid: 3, invalid: 1 });
    // Jürgen's address spans lines 2 and 3, and the blank line 6 is skipped.
    expect(linesAndErrors(preview.rows)).toEqual([
      [2, []],
      [4, []],
      [5, [expect.stringMatching(/^SMS opt-in/), expect.stringMatching(/^Phone:/)]],
      [7, []],
    ]);
    expect(preview.rows[0]!.values).toMatchObject({ name: "Jürgen Müller", address: "Hauptstraße 5\n10115 Berlin", notes: "Skonto 12,50 €; zahlt per Überweisung", smsOptIn: "yes" });
  });

  it("imports its valid rows, with every character and cell as typed", async () => {
    expect(await importClients(undefined, { csv: semicolonFile })).toMatchObject({ ok: true, data: { imported: 3, skipped: 1 } });
    const rows = await getDb()
      .select({ name: clients.name, company: clients.company, email: clients.email, phone: clients.phone, address: clients.address, notes: clients.notes, smsOptIn: clients.smsOptIn })
      .from(clients)
      .where(inArray(clients.email, ["juergen@mueller.example", "elodie@durand.example", "zoe@visser.example", "lars@jensen.example"]))
      .orderBy(clients.id);
    expect(rows).toEqual([
      {
        name: "Jürgen Müller",
        company: "Müller & Söhne GmbH",
        email: "juergen@mueller.example",
        phone: "+4915123456789",
        address: "Hauptstraße 5\n10115 Berlin",
        notes: "Skonto 12,50 €; zahlt per Überweisung",
        smsOptIn: true,
      },
      { name: "Élodie Durand", company: null, email: "elodie@durand.example", phone: "+33123456789", address: "12, rue de la Paix; 75002 Paris", notes: null, smsOptIn: false },
      { name: "Zoë Visser", company: null, email: "zoe@visser.example", phone: null, address: null, notes: 'Says "hoi"', smsOptIn: false },
    ]);
  });
});

describe("line numbers", () => {
  it("name the file's line even after a quoted cell with line breaks", async () => {
    const csv = ["name,email,notes", 'Nia Lines,nia@lines.example,"first line', "second line", 'third line"', "Olu Lines,nia@lines.example,", "Pat Lines,pat@lines.example,x"].join("\n");
    const result = await previewClientImport(undefined, { csv });
    expect(linesAndErrors(result.data!.rows)).toEqual([
      [2, []],
      [5, ["Email: also on line 2 of this file"]],
      [6, []],
    ]);
  });
});

describe("broken quoting", () => {
  it("refuses a file with a quote that is never closed, naming the line it opens on, and writes nothing", async () => {
    const csv = ["name,email,notes", "Quin Quote,quin@quote.example,ok", 'Rae Quote,rae@quote.example,"Pays on time', "Sam Quote,sam@quote.example,ok"].join("\r\n");
    const before = await databaseChecksum();
    expect(await previewClientImport(undefined, { csv })).toMatchObject({ ok: false, formError: expect.stringMatching(/^Line 3: a quoted cell is never closed/) });
    expect(await importClients(undefined, { csv })).toMatchObject({ ok: false, formError: expect.stringMatching(/^Line 3:/) });
    expect(await databaseChecksum()).toBe(before);
  });

  it("refuses a quote inside a quoted cell that isn't doubled, naming the cell's line", async () => {
    const csv = ["name,email,notes", "Tia Quote,tia@quote.example,ok", "", 'Uma Quote,uma@quote.example,"said "hi" twice"'].join("\n");
    expect(await previewClientImport(undefined, { csv })).toMatchObject({ ok: false, formError: expect.stringMatching(/^Line 4: a quote inside a quoted cell/) });
  });
});

describe("limits", () => {
  it("still refuses more rows than one import takes, whatever the separator", async () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `C${i};c${i}@limit.example`);
    const csv = ["name;email", ...rows].join("\r\n");
    expect(await previewClientImport(undefined, { csv })).toMatchObject({ ok: false, formError: `Import at most ${IMPORT_MAX_ROWS.toLocaleString("en-US")} clients at a time.` });
  });
});

describe("cells the header has no column for", () => {
  it("refuses a row with more filled cells than the header has columns, and imports the rest, trailing empty cells and all", async () => {
    const csv = [
      "name,email,address,notes",
      "Ada Comma,ada@comma.example,12 Main St, London,VIP",
      'Bea Comma,bea@comma.example,"12 Main St, London",VIP,,',
      "Cy Comma,cy@comma.example,1 Low Rd,,,,late",
    ].join("\r\n");
    const preview = (await previewClientImport(undefined, { csv })).data!;
    expect(preview).toMatchObject({ valid: 1, invalid: 2 });
    expect(linesAndErrors(preview.rows)).toEqual([
      [2, ["This row has 5 cells, the header has 4: check for an unquoted comma"]],
      [3, []],
      [4, ["This row has 7 cells, the header has 4: check for an unquoted comma"]],
    ]);
    expect(await importClients(undefined, { csv })).toMatchObject({ ok: true, data: { imported: 1, skipped: 2 } });
    const rows = await getDb()
      .select({ email: clients.email, address: clients.address, notes: clients.notes })
      .from(clients)
      .where(inArray(clients.email, ["ada@comma.example", "bea@comma.example", "cy@comma.example"]));
    expect(rows).toEqual([{ email: "bea@comma.example", address: "12 Main St, London", notes: "VIP" }]);
  });

  it("names the file's own separator, and counts only the columns the header names", async () => {
    const csv = ["name;email;;", "Dee Semi;dee@semi.example;12 Main St; London", "Eve Semi;eve@semi.example;;"].join("\n");
    const preview = (await previewClientImport(undefined, { csv })).data!;
    expect(linesAndErrors(preview.rows)).toEqual([
      [2, ["This row has 4 cells, the header has 2: check for an unquoted semicolon"]],
      [3, []],
    ]);
  });
});

describe("two columns for one field", () => {
  it("refuses the file, naming both columns, and writes nothing", async () => {
    const csv = ["Name,Phone,Mobile", "Fay Twice,(415) 555-0166,(415) 555-0177"].join("\r\n");
    const refusal = "The columns “Phone” and “Mobile” both go in the Phone field: keep one of them, and rename or delete the other.";
    const before = await databaseChecksum();
    expect(await previewClientImport(undefined, { csv })).toMatchObject({ ok: false, formError: refusal });
    expect(await importClients(undefined, { csv })).toMatchObject({ ok: false, formError: refusal });
    expect(await databaseChecksum()).toBe(before);
  });
});

describe("an export from the client list", () => {
  const originals = [
    { name: "Zoë Müller", address: "12 Main St, London", phone: "+44 20 7946 0018" },
    { name: "@Home Realty", address: "=HYPERLINK(1)", phone: "" },
    { name: "=SUM(1)", address: "", phone: "" },
    { name: "-5 Corp", address: "+Plus", phone: "" },
  ];

  it("starts with a byte order mark, defuses formulas, and imports back as it was", async () => {
    for (const c of originals) expect((await createClient(undefined, { ...c, company: "Round Trip Ltd", currency: "USD" })).ok).toBe(true);
    const res = await exportClientsRoute(new Request("http://localhost:3000/api/clients/export?q=Round%20Trip"));
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // As the file is: Response.text() would drop the BOM before the import saw it.
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(csv).toMatch(/^\uFEFFid,name,/);
    expect(csv).toContain(",'@Home Realty,");

    expect(await importClients(undefined, { csv })).toMatchObject({ ok: true, data: { imported: 4, skipped: 0 } });
    const rows = await getDb().select({ name: clients.name, address: clients.address, phone: clients.phone }).from(clients).where(eq(clients.company, "Round Trip Ltd")).orderBy(asc(clients.id));
    const exported = rows.slice(0, 4);
    expect(exported.map((r) => r.name)).toEqual(originals.map((c) => c.name));
    expect(rows.slice(4)).toEqual(exported);
  });
});
