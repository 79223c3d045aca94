import { initialValues, invoiceFormResolver } from "@/components/invoices/invoice-form-values";

// The invoice editor's resolver loads the action's schema on first use
// (components/invoices/invoice-form-resolver.ts), so zod isn't part of the page.

const defaults = { currency: "USD", taxRateBp: 0, dueDays: 14, today: "2026-04-02", locale: "en-US" };
const options = { shouldUseNativeValidation: false, fields: {} } as never;

describe("the invoice editor's resolver on first use", () => {
  it("checks with the action's schema once it has loaded: no client is a field error", async () => {
    const { resolver, preload } = invoiceFormResolver("en-US", undefined);
    await preload();
    const result = await resolver(initialValues(defaults, null, undefined), undefined, options);
    expect(Object.keys(result.errors)).toContain("clientId");
  });

  it("leaves the check to the server when the schema can't load", async () => {
    jest.resetModules();
    jest.doMock("@/components/invoices/invoice-form-resolver", () => {
      throw new Error("offline");
    });
    const values = await import("@/components/invoices/invoice-form-values");
    const { resolver } = values.invoiceFormResolver("en-US", undefined);
    const result = await resolver(values.initialValues(defaults, null, undefined), undefined, options);
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({ clientId: "", currency: "USD", issueDate: "2026-04-02" });
  });
});
