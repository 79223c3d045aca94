import "server-only";
import { inArray, isNotNull, and } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { clients } from "@/db/schema";
import { readSettings } from "@/db/queries/settings";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { undefuseCell } from "@/lib/csv";
import { DomainError } from "@/lib/errors";
import { regionFromLocale } from "@/lib/phone";
import { readCsv } from "@/lib/read-csv";
import { applyClientChange } from "@/lib/rollups/clients";
import { clientSchema, IMPORT_MAX_ROWS, type ClientInput } from "@/lib/validation/clients";
import { inTransaction } from "@/lib/transaction";

export type ImportRow = { line: number; values: Record<string, string>; errors: string[] };
export type ImportPreview = { columns: string[]; ignored: string[]; rows: ImportRow[]; valid: number; invalid: number };

// Header spellings people use, mapped to the form's fields.
const HEADERS: Record<string, keyof ClientInput> = {
  name: "name",
  fullname: "name",
  clientname: "name",
  company: "company",
  organisation: "company",
  organization: "company",
  email: "email",
  emailaddress: "email",
  phone: "phone",
  phonenumber: "phone",
  mobile: "phone",
  address: "address",
  notes: "notes",
  smsoptin: "smsOptIn",
  sms: "smsOptIn",
  currency: "currency",
  billingcurrency: "currency",
};

const YES = new Set(["yes", "y", "true", "1", "on", "x"]);
const NO = new Set(["", "no", "n", "false", "0", "off"]);

/**
 * Reads an import file and checks every row as the client form would, plus
 * duplicates: an email used twice in the file, or by a client that already
 * exists. A row with more cells than the header names is refused, and a file
 * with two columns for one field: either would leave a cell unread. A cell
 * our export defused ("'=SUM(1)") reads back as it was. Writes nothing.
 */
export async function previewImport(db: DbOrTx, csv: string): Promise<ImportPreview & { inputs: Map<number, ClientInput> }> {
  const read = readCsv(csv);
  if (!read.ok) throw new DomainError(read.error, { csv: [read.error] });
  const table = read.rows;
  if (table.length === 0) throw new DomainError("That file has no rows.", { csv: ["The file is empty"] });
  const header = table[0]!.cells.map((h) => h.trim());
  const fields = header.map((h) => HEADERS[h.toLowerCase().replace(/[^a-z]/g, "")] ?? null);
  if (!fields.includes("name")) throw new DomainError("The first row must name the columns, including a “name” column.", { csv: ["No “name” column found"] });
  refuseSharedFields(header, fields);
  // Spreadsheets pad rows, and sometimes the header, with empty cells; a cell
  // with something in it past the last named column has nowhere to go.
  const width = lastFilled(header);
  const separator = SEPARATOR_NAMES[read.delimiter] ?? "separator";
  const body = table.slice(1);
  if (body.length === 0) throw new DomainError("That file has a header row but no clients.", { csv: ["No rows to import"] });
  if (body.length > IMPORT_MAX_ROWS) throw new DomainError(`Import at most ${IMPORT_MAX_ROWS.toLocaleString("en-US")} clients at a time.`, { csv: ["Too many rows"] });

  // A row without a currency bills in the business's, as a client made by hand does.
  // A phone without a country code is read in the business's country, as the form's picker starts.
  const { defaultCurrency, locale } = await readSettings(db);
  const phoneCountry = regionFromLocale(locale);
  const rows: ImportRow[] = [];
  const inputs = new Map<number, ClientInput>();
  const emailLines = new Map<string, number>();
  body.forEach(({ line, cells }) => {
    const values: Record<string, string> = {};
    fields.forEach((field, col) => {
      if (field) values[field] = undefuseCell((cells[col] ?? "").trim());
    });
    // Usually an unquoted separator inside a cell, which shifts every cell after it.
    const used = lastFilled(cells);
    if (used > width) {
      rows.push({ line, values, errors: [`This row has ${used} cells, the header has ${width}: check for an unquoted ${separator}`] });
      return;
    }
    const errors: string[] = [];
    const sms = (values.smsOptIn ?? "").toLowerCase();
    if (!YES.has(sms) && !NO.has(sms)) errors.push("SMS opt-in: use yes or no");
    const parsed = clientSchema.safeParse({ ...values, phoneCountry, smsOptIn: YES.has(sms), currency: values.currency || defaultCurrency });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(`${label(String(issue.path[0] ?? ""))}: ${issue.message}`);
    } else if (parsed.data.email) {
      const first = emailLines.get(parsed.data.email);
      if (first) errors.push(`Email: also on line ${first} of this file`);
      else emailLines.set(parsed.data.email, line);
    }
    if (parsed.success && errors.length === 0) inputs.set(line, parsed.data);
    rows.push({ line, values, errors });
  });

  // Emails that already belong to a client.
  const emails = [...emailLines.keys()];
  for (let i = 0; i < emails.length; i += 500) {
    const chunk = emails.slice(i, i + 500);
    const taken = await db
      .select({ email: clients.email })
      .from(clients)
      .where(and(isNotNull(clients.email), inArray(clients.email, chunk)));
    for (const { email } of taken) {
      const line = email ? emailLines.get(email.toLowerCase()) : undefined;
      const row = line ? rows.find((r) => r.line === line) : undefined;
      if (row && line) {
        row.errors.push("Email: a client with this email already exists");
        inputs.delete(line);
      }
    }
  }

  const columns = header.filter((_, i) => fields[i] !== null);
  const ignored = header.filter((h, i) => fields[i] === null && h !== "");
  const invalid = rows.filter((r) => r.errors.length > 0).length;
  return { columns, ignored, rows, valid: rows.length - invalid, invalid, inputs };
}

const SEPARATOR_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** How many cells there are up to the last one with something in it. */
function lastFilled(cells: string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1]!.trim() === "") n--;
  return n;
}

/** Two columns read into one field would leave one of them unread, so the file is refused. */
function refuseSharedFields(header: string[], fields: (keyof ClientInput | null)[]): void {
  const columns = new Map<keyof ClientInput, string[]>();
  fields.forEach((field, col) => {
    if (field) columns.set(field, [...(columns.get(field) ?? []), header[col]!]);
  });
  const messages = [...columns]
    .filter(([, names]) => names.length > 1)
    .map(([field, names]) =>
      names.length === 2
        ? `The columns ${listNames(names)} both go in the ${label(field)} field: keep one of them, and rename or delete the other.`
        : `The columns ${listNames(names)} all go in the ${label(field)} field: keep one of them, and rename or delete the others.`,
    );
  if (messages.length > 0) throw new DomainError(messages.join(" "), { csv: messages });
}

function listNames(names: string[]): string {
  const quoted = names.map((n) => `“${n}”`);
  return `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}

function label(field: string): string {
  return { name: "Name", company: "Company", email: "Email", phone: "Phone", address: "Address", notes: "Notes", smsOptIn: "SMS opt-in", currency: "Currency" }[field] ?? "Row";
}

/**
 * Imports the valid rows of a file the admin previewed and confirmed. The file
 * is checked again inside the transaction, so a client created since the
 * preview is still caught as a duplicate. Rows with errors are skipped.
 */
export async function importClients(db: Db, csv: string, actor: Actor): Promise<{ imported: number; skipped: number }> {
  return inTransaction(db, async (tx) => {
    const preview = await previewImport(tx, csv);
    if (preview.valid === 0) throw new DomainError("No row in this file can be imported. Fix the errors and try again.");
    for (const [line, input] of preview.inputs) {
      const [res] = await tx.insert(clients).values(input);
      await applyClientChange(tx, res.insertId, "create");
      await writeAudit(tx, { actor: auditActor(actor), action: "client.import", entityType: "client", entityId: res.insertId, after: { ...input, importLine: line }, ip: actor.ip });
    }
    return { imported: preview.valid, skipped: preview.invalid };
  });
}
