// The fixed choices that forms and filters offer, without zod: client
// components import them from here, so a filter bar doesn't ship the whole
// schema library (26 kB gzip) to the browser. The schemas in this folder
// read them too. db/schema's enums stay the source of truth; these mirror
// them, and tests/unit/validation-choices.test.ts holds them equal.

export const invoiceStatusFilters = ["draft", "sent", "overdue", "partially_paid", "paid", "void"] as const;
export type InvoiceStatusFilter = (typeof invoiceStatusFilters)[number];

export const paymentMethods = ["card", "bank_transfer", "cash", "other"] as const;

export const portalInvoiceFilters = ["all", "open", "overdue", "paid", "void"] as const;
export type PortalInvoiceFilter = (typeof portalInvoiceFilters)[number];

// Mirrors db/schema/services.ts.
export const billingIntervals = ["one_time", "monthly", "quarterly", "yearly"] as const;

export const intervalLabels: Record<(typeof billingIntervals)[number], string> = {
  one_time: "One-time",
  monthly: "Monthly",
  quarterly: "Quarterly",
  yearly: "Yearly",
};

/** Payment instructions are read on a phone in the pay form; a page of text belongs in an attached document. */
export const INSTRUCTIONS_MAX = 1000;

/** A reminder step's day, relative to the due date, and how many steps a schedule has at most. */
export const OFFSET_MIN = -60;
export const OFFSET_MAX = 365;
export const STEPS_MAX = 10;

/** The largest CSV the client import takes, which the form checks before it posts the file. */
export const IMPORT_MAX_BYTES = 900_000;

/**
 * Invoices one press of "Remind all unpaid" reminds at most (lib/reminders/remind-all.ts);
 * the button's dialog says so. Each is a transaction of its own: 2,000 took 24 s
 * on a two-core test machine, too near a proxy's 30 or 60 s timeout, so 1,000.
 */
export const REMIND_ALL_MAX = 1000;
