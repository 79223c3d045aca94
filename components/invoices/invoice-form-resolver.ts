import { zodResolver } from "@hookform/resolvers/zod";
import { get, set, type FieldError, type FieldErrors as FormErrors, type Resolver } from "react-hook-form";
import { invoiceDraftSchema, readDraftAmounts, type InvoiceDraftFormInput } from "@/lib/validation/invoices";
import { toPayload, type InvoiceDraftPayload, type InvoiceFormDraft, type InvoiceFormValues } from "./invoice-form-values";

// Loaded on first use by invoiceFormResolver (invoice-form-values.ts): zod and the
// invoice schema come when the editor is first used, not with its page.

/**
 * The action's own schema, run in the browser. Zod stops before the amounts
 * when other fields fail, so the amounts are read too and every error shows at once.
 */
export function draftResolver(locale: string, draft: InvoiceFormDraft | undefined): Resolver<InvoiceFormValues, unknown, InvoiceDraftPayload> {
  const schemaResolver = zodResolver(invoiceDraftSchema(locale), undefined, { raw: true });
  return async (values, context, options) => {
    const payload = toPayload(values, draft);
    const result = await schemaResolver(payload as InvoiceDraftFormInput, context, options as never);
    if (Object.keys(result.errors).length === 0) return { values: payload, errors: {} };
    const errors = result.errors as FormErrors;
    for (const issue of readDraftAmounts(payload, locale).issues) {
      const path = issue.path.join(".");
      const has = (at: string) => Boolean((get(errors, at) as FieldError | undefined)?.message);
      if (!has(path) && !has(`${path}.root`)) set(errors, path, { type: "custom", message: issue.message });
    }
    return { values: {}, errors: errors as FormErrors<InvoiceFormValues> };
  };
}
