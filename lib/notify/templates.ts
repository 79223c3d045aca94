// The message templates and the data each one needs. Every email and SMS the
// app sends names one of these; emails/ renders them.

export type InvoiceEmailData = {
  clientName: string;
  invoiceNumber: string;
  totalMinor: number;
  balanceMinor: number;
  currency: string;
  dueDate: string;
  /** The signed public link, /i/<token>. */
  link: string;
  /** Optional note from the sender, shown above the summary. */
  message?: string;
};

export type PaymentReceiptData = {
  clientName: string;
  invoiceNumber: string;
  amountMinor: number;
  currency: string;
  method: string;
  paidAt: string;
  balanceMinor: number;
  reference?: string | null;
  link?: string;
};

export type PaymentReminderData = {
  clientName: string;
  invoiceNumber: string;
  balanceMinor: number;
  currency: string;
  dueDate: string;
  daysOverdue: number;
  link?: string;
};

/** An automatic reminder from the dunning schedule (lib/reminders): friendly or firm. */
export type ScheduledReminderData = {
  clientName: string;
  invoiceNumber: string;
  balanceMinor: number;
  currency: string;
  dueDate: string;
  /** Business days from the due date to the day it was queued: negative before it, positive overdue. */
  daysFromDue: number;
  /** The signed public link, /i/<token>. */
  link: string;
};

export type NewServiceData = { clientName: string; serviceName: string; priceMinor: number; currency: string; interval: string; description?: string | null };

export type StaffInviteRequestData = { adminName: string; inviteeName: string; inviteeEmail: string; requestedBy: string; approveUrl: string; rejectUrl: string };

export type StaffInviteAcceptData = { inviteeName: string; acceptUrl: string; expiresAt: string };

export type PasswordResetData = { name: string; resetUrl: string; expiresAt: string };

export type OtpCodeData = { code: string; minutes: number };

export type SignupConfirmData = { name: string; confirmUrl: string; expiresAt: string };

export type SignupExistingData = { name: string; signInUrl: string; resetUrl: string };

export type EmailChangeConfirmData = { name: string; newEmail: string; confirmUrl: string; expiresAt: string };

export type EmailChangeNoticeData = { name: string; newEmail: string; resetUrl: string };

export type EmailChangeTakenData = { name: string; signInUrl: string };

/** To admins: a card payment the provider took that the invoice could not take (it would overshoot the balance). */
export type PaymentRefundDueData = { adminName: string; invoiceNumber: string; amountMinor: number; currency: string; providerRef: string; reason: string; paymentsUrl: string };

/** A recovery code was used to sign in: the person hears about it, in case it wasn't them. */
export type RecoveryCodeUsedData = { name: string; codesLeft: number; usedAt: string; securityUrl: string; resetUrl: string };

/** An admin reset the person's second factors (app, passkeys, recovery codes). */
export type SecondFactorResetData = { name: string; resetBy: string; signInUrl: string };

/** The person added a passkey or an authenticator app, or made new recovery codes: they hear about it, in case it wasn't them. */
export type SecondFactorChangedData = { name: string; change: "passkey_added" | "totp_added" | "recovery_codes_regenerated"; changedAt: string; securityUrl: string; resetUrl: string };

export type TemplateData = {
  invoice: InvoiceEmailData;
  payment_receipt: PaymentReceiptData;
  payment_reminder: PaymentReminderData;
  payment_refund_due: PaymentRefundDueData;
  reminder_friendly: ScheduledReminderData;
  reminder_firm: ScheduledReminderData;
  new_service: NewServiceData;
  staff_invite_request: StaffInviteRequestData;
  staff_invite_accept: StaffInviteAcceptData;
  password_reset: PasswordResetData;
  otp_code: OtpCodeData;
  signup_confirm: SignupConfirmData;
  signup_existing: SignupExistingData;
  email_change_confirm: EmailChangeConfirmData;
  email_change_notice: EmailChangeNoticeData;
  email_change_taken: EmailChangeTakenData;
  recovery_code_used: RecoveryCodeUsedData;
  second_factor_reset: SecondFactorResetData;
  second_factor_changed: SecondFactorChangedData;
};

export type TemplateName = keyof TemplateData;

export type RelatedEntity = { type: "invoice" | "client" | "payment" | "service" | "staff_invite" | "user" | "subscription"; id: number };
