import { z } from "zod";
import { currencyCode } from "./currency";
import { IMPORT_MAX_BYTES } from "./choices";
import { checkbox, id, idList, isTypedText, optionalEmail, optionalText, readWholeNumber, requiredText } from "./fields";
import { phoneCountry, phoneText, withPhone } from "./phone";
import { UNPAID_PAGE_SIZE } from "./unpaid";

const clientFields = {
  name: requiredText(160, "Enter the client's name"),
  company: optionalText(160, "Company"),
  email: optionalEmail,
  phone: phoneText,
  phoneCountry,
  address: optionalText(500, "Address"),
  notes: optionalText(5000, "Notes"),
  smsOptIn: checkbox,
  // The billing currency: new invoices and subscriptions for the client use it.
  // Left out, a new client takes the business's and an edit keeps the client's.
  currency: currencyCode.optional(),
};

// SMS opt-in texts the number, so it must then be able to take a text.
const phoneRule = { texts: (v: { smsOptIn?: boolean }) => v.smsOptIn === true };

/** The client form, for both create and edit. */
export const clientSchema = withPhone(z.object(clientFields), phoneRule);
export type ClientInput = z.output<typeof clientSchema>;

export const updateClientSchema = withPhone(z.object({ ...clientFields, id }), phoneRule);

export const clientIdSchema = z.object({ id });

// No more than a person can select: a page of the unpaid list, or as many
// invoices as the invoice list's bulk remind takes (bulkInvoicesSchema).
// Everyone at once is "Remind all unpaid", which picks them on the server.
const REMIND_MAX_INVOICES = 100;

export const remindClientsSchema = z
  .object({
    clientIds: idList.refine((v) => v.length <= UNPAID_PAGE_SIZE, { error: `Select at most ${UNPAID_PAGE_SIZE} clients at a time, or remind all unpaid clients at once` }),
    invoiceIds: idList.refine((v) => v.length <= REMIND_MAX_INVOICES, { error: `Select at most ${REMIND_MAX_INVOICES} invoices at a time` }),
  })
  .refine((v) => v.clientIds.length + v.invoiceIds.length > 0, {
    error: "Pick at least one client",
    path: ["clientIds"],
  });

// CSV import: the browser reads the file and posts its text, twice (preview, then confirm).
// The form checks the file's size before it posts, so IMPORT_MAX_BYTES lives in ./choices (no zod, no phone).
export const IMPORT_MAX_ROWS = 5000;
export const importClientsSchema = z.object({
  csv: z
    .string({ error: "Choose a CSV file" })
    .min(1, { error: "Choose a CSV file" })
    .max(IMPORT_MAX_BYTES, { error: "That file is too large: import at most 900 KB at a time" })
    .refine((v) => isTypedText(v, true), { error: "That file holds characters a CSV of text doesn't: export it again as CSV" }),
});

// The list's URL contract: ?q=&filter=balance&filter=overdue&sort=-created&page=2
export const clientFilters = ["balance", "overdue", "archived", "sms"] as const;
export type ClientFilter = (typeof clientFilters)[number];
export const clientSorts = ["name", "-name", "created", "-created", "balance", "-balance"] as const;
export type ClientSort = (typeof clientSorts)[number];

export type ClientListParams = { q: string; filters: ClientFilter[]; sort: ClientSort; page: number };

type RawParams = Record<string, string | string[] | undefined>;

const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Reads the list's search params; anything unknown falls back to the default rather than erroring. */
export function parseClientListParams(params: RawParams): ClientListParams {
  const q = (many(params.q)[0] ?? "").trim().slice(0, 100);
  const filters = [...new Set(many(params.filter).filter((f): f is ClientFilter => (clientFilters as readonly string[]).includes(f)))];
  const rawSort = many(params.sort)[0] ?? "name";
  const sort = (clientSorts as readonly string[]).includes(rawSort) ? (rawSort as ClientSort) : "name";
  const page = Math.max(1, Math.min(100_000, readWholeNumber(many(params.page)[0]) ?? 1));
  return { q, filters, sort, page };
}

/** The same params back as a query string (for links such as the CSV export). */
export function clientListQueryString(p: Omit<ClientListParams, "page"> & { page?: number }): string {
  const s = new URLSearchParams();
  if (p.q) s.set("q", p.q);
  for (const f of p.filters) s.append("filter", f);
  if (p.sort !== "name") s.set("sort", p.sort);
  if (p.page && p.page > 1) s.set("page", String(p.page));
  return s.toString();
}
