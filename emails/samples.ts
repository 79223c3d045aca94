// Sample data for every template: the preview script, the template tests and
// the outbox benchmark render these.
import type { TemplateData } from "@/lib/notify/templates";
import type { EmailCompany } from "./layout";

export const sampleCompany: EmailCompany = { name: "Northwind Studio", address: "12 Harbour Street\nBristol BS1 4QA\nUnited Kingdom", locale: "en-US", timeZone: "UTC" };

const base = "https://app.example.com";

export const sampleData: TemplateData = {
  invoice: {
    clientName: "Ada Lovelace",
    invoiceNumber: "INV-2026-0042",
    totalMinor: 128_000,
    balanceMinor: 128_000,
    currency: "USD",
    dueDate: "2026-12-08",
    link: `${base}/i/Xk3vQ9rT2mLp8sWd`,
    message: "Thanks for a great quarter. This covers November's retainer.",
  },
  payment_refund_due: {
    adminName: "Grace Hopper",
    invoiceNumber: "INV-2026-0042",
    amountMinor: 50_000,
    currency: "USD",
    providerRef: "pi_3QxY2mLkdIwHu7ix0aBcDeFg",
    reason: "This invoice is already paid in full.",
    paymentsUrl: `${base}/admin/payments?view=refunds`,
  },
  payment_receipt: {
    clientName: "Ada Lovelace",
    invoiceNumber: "INV-2026-0042",
    amountMinor: 50_000,
    currency: "USD",
    method: "bank_transfer",
    paidAt: "2026-11-24T15:20:00.000Z",
    balanceMinor: 78_000,
    reference: "BACS 99812",
    link: `${base}/i/Xk3vQ9rT2mLp8sWd`,
  },
  payment_reminder: {
    clientName: "Ada Lovelace",
    invoiceNumber: "INV-2026-0038",
    balanceMinor: 42_050,
    currency: "USD",
    dueDate: "2026-11-10",
    daysOverdue: 14,
    link: `${base}/i/Pq7nW2xR5tKz1yHc`,
  },
  reminder_friendly: {
    clientName: "Ada Lovelace",
    invoiceNumber: "INV-2026-0041",
    balanceMinor: 128_000,
    currency: "USD",
    dueDate: "2026-12-08",
    daysFromDue: -3,
    link: `${base}/i/Rt5mK8wQ2nLx7vBc`,
  },
  reminder_firm: {
    clientName: "Ada Lovelace",
    invoiceNumber: "INV-2026-0038",
    balanceMinor: 42_050,
    currency: "USD",
    dueDate: "2026-11-10",
    daysFromDue: 14,
    link: `${base}/i/Pq7nW2xR5tKz1yHc`,
  },
  new_service: {
    clientName: "Ada Lovelace",
    serviceName: "Quarterly SEO audit",
    priceMinor: 45_000,
    currency: "USD",
    interval: "quarterly",
    description: "A full technical and content review of your site every quarter, with a prioritised fix list.",
  },
  staff_invite_request: {
    adminName: "Grace Hopper",
    inviteeName: "Alan Turing",
    inviteeEmail: "alan@example.com",
    requestedBy: "Katherine Johnson",
    approveUrl: `${base}/invites/approve/Hn4kP8vQ2wXr6TzL`,
    rejectUrl: `${base}/invites/reject/Hn4kP8vQ2wXr6TzL`,
  },
  staff_invite_accept: {
    inviteeName: "Alan Turing",
    acceptUrl: `${base}/invites/accept/Rb9mT3cV7nYq2WsK`,
    expiresAt: "2026-12-01T17:00:00.000Z",
  },
  password_reset: { name: "Ada Lovelace", resetUrl: `${base}/reset/Jd5sL1pF8gHk4QwE`, expiresAt: "2026-11-24T18:30:00.000Z" },
  otp_code: { code: "482913", minutes: 10 },
  signup_confirm: { name: "Ada Lovelace", confirmUrl: `${base}/signup/confirm/eyJ2IjoxfQ.Q2xpZW50RGVzaw`, expiresAt: "2026-11-25T17:00:00.000Z" },
  signup_existing: { name: "Ada Lovelace", signInUrl: `${base}/login`, resetUrl: `${base}/forgot-password` },
  email_change_confirm: { name: "Ada Lovelace", newEmail: "ada@analytical.example", confirmUrl: `${base}/confirm-email/Tz6wK2nB9rXq4LsM`, expiresAt: "2026-11-25T17:00:00.000Z" },
  email_change_notice: { name: "Ada Lovelace", newEmail: "ada@analytical.example", resetUrl: `${base}/forgot-password` },
  email_change_taken: { name: "Ada Lovelace", signInUrl: `${base}/login` },
  recovery_code_used: { name: "Ada Lovelace", codesLeft: 9, usedAt: "2026-11-24T17:05:00.000Z", securityUrl: `${base}/portal/profile`, resetUrl: `${base}/forgot-password` },
  second_factor_reset: { name: "Ada Lovelace", resetBy: "Grace Hopper", signInUrl: `${base}/login` },
  second_factor_changed: { name: "Ada Lovelace", change: "passkey_added", changedAt: "2026-11-24T17:05:00.000Z", securityUrl: `${base}/portal/profile`, resetUrl: `${base}/forgot-password` },
};
