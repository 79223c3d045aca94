import { z } from "zod";
import { parseMoney } from "@/lib/money";
import { billingIntervals } from "./choices";
import { currencyCode } from "./currency";
import { checkbox, id, optionalText, readListPage, requiredText } from "./fields";

const serviceFields = z.object({
  name: requiredText(160, "Enter the service's name"),
  description: optionalText(5000, "Description"),
  // Read in the service's own currency below (lib/money), never as a JSON number.
  price: requiredText(40, "Enter a price, like 120"),
  currency: currencyCode,
  interval: z.enum(billingIntervals, { error: "Pick how often it is billed" }),
  active: checkbox,
});

// The price is typed as text and parsed in the service's own currency and the business's locale, without floats.
function withPriceMinor<T extends z.output<typeof serviceFields>>(v: T, ctx: z.RefinementCtx, locale: string) {
  const parsed = parseMoney(v.price, v.currency, locale);
  if (!parsed.ok || parsed.minor < 0) {
    ctx.addIssue({ code: "custom", path: ["price"], message: parsed.ok ? "A price can't be negative" : parsed.error });
    return z.NEVER;
  }
  const { price: _price, ...rest } = v;
  return { ...rest, priceMinor: parsed.minor };
}

const buildServiceSchema = (locale: string) => serviceFields.transform((v, ctx) => withPriceMinor(v, ctx, locale));
const buildUpdateSchema = (locale: string) => serviceFields.extend({ id }).transform((v, ctx) => withPriceMinor(v, ctx, locale));
const serviceSchemas = new Map<string, ReturnType<typeof buildServiceSchema>>();
const updateSchemas = new Map<string, ReturnType<typeof buildUpdateSchema>>();

/** The service form (create), with the price read in the business's locale. */
export function serviceSchema(locale: string) {
  let schema = serviceSchemas.get(locale);
  if (!schema) serviceSchemas.set(locale, (schema = buildServiceSchema(locale)));
  return schema;
}
export type ServiceInput = z.output<ReturnType<typeof serviceSchema>>;

/** The service form (edit). */
export function updateServiceSchema(locale: string) {
  let schema = updateSchemas.get(locale);
  if (!schema) updateSchemas.set(locale, (schema = buildUpdateSchema(locale)));
  return schema;
}

export const serviceIdSchema = z.object({ id });

// The list's URL contract: ?archived=1&page=2
export type ServiceListParams = { archived: boolean; page: number };

/** Reads the list's search params; anything unknown falls back to the catalogue's first page. */
export function parseServiceListParams(params: Record<string, string | string[] | undefined>): ServiceListParams {
  const archived = Array.isArray(params.archived) ? params.archived[0] : params.archived;
  return { archived: archived === "1", page: readListPage(params.page) };
}
