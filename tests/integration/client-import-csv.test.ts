import { readFileSync } from "node:fs";
import path from "node:path";
import { inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { clients } from "@/db/schema";
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
