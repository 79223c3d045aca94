// Every email template by name, rendered to the subject, HTML and plain text
// that the outbox stores.
import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import type { TemplateData, TemplateName } from "@/lib/notify/templates";
import { InvoiceEmail, invoiceSubject } from "./invoice";
import { EmailChangeConfirmEmail, emailChangeConfirmSubject } from "./email-change-confirm";
import { EmailChangeNoticeEmail, emailChangeNoticeSubject } from "./email-change-notice";
import { EmailChangeTakenEmail, emailChangeTakenSubject } from "./email-change-taken";
import type { EmailCompany, EmailProps } from "./layout";
import { NewServiceEmail, newServiceSubject } from "./new-service";
import { OtpCodeEmail, otpCodeSubject } from "./otp-code";
import { RecoveryCodeUsedEmail, recoveryCodeUsedSubject } from "./recovery-code-used";
import { SecondFactorChangedEmail, secondFactorChangedSubject } from "./second-factor-changed";
import { SecondFactorResetEmail, secondFactorResetSubject } from "./second-factor-reset";
import { PasswordResetEmail, passwordResetSubject } from "./password-reset";
import { PaymentReceiptEmail, paymentReceiptSubject } from "./payment-receipt";
import { PaymentRefundDueEmail, paymentRefundDueSubject } from "./payment-refund-due";
import { PaymentReminderEmail, paymentReminderSubject } from "./payment-reminder";
import { FirmReminderEmail, FriendlyReminderEmail, firmReminderSubject, friendlyReminderSubject } from "./scheduled-reminder";
import { SignupConfirmEmail, signupConfirmSubject } from "./signup-confirm";
import { SignupExistingEmail, signupExistingSubject } from "./signup-existing";
import { StaffInviteAcceptEmail, staffInviteAcceptSubject } from "./staff-invite-accept";
import { StaffInviteRequestEmail, staffInviteRequestSubject } from "./staff-invite-request";

type EmailTemplate<D> = {
  subject: (data: D, company: EmailCompany) => string;
  Component: (props: EmailProps<D>) => ReactElement;
};

const emailTemplates: { [T in TemplateName]: EmailTemplate<TemplateData[T]> } = {
  invoice: { subject: invoiceSubject, Component: InvoiceEmail },
  payment_receipt: { subject: paymentReceiptSubject, Component: PaymentReceiptEmail },
  payment_reminder: { subject: paymentReminderSubject, Component: PaymentReminderEmail },
  payment_refund_due: { subject: paymentRefundDueSubject, Component: PaymentRefundDueEmail },
  reminder_friendly: { subject: friendlyReminderSubject, Component: FriendlyReminderEmail },
  reminder_firm: { subject: firmReminderSubject, Component: FirmReminderEmail },
  new_service: { subject: newServiceSubject, Component: NewServiceEmail },
  staff_invite_request: { subject: staffInviteRequestSubject, Component: StaffInviteRequestEmail },
  staff_invite_accept: { subject: staffInviteAcceptSubject, Component: StaffInviteAcceptEmail },
  password_reset: { subject: passwordResetSubject, Component: PasswordResetEmail },
  otp_code: { subject: otpCodeSubject, Component: OtpCodeEmail },
  signup_confirm: { subject: signupConfirmSubject, Component: SignupConfirmEmail },
  signup_existing: { subject: signupExistingSubject, Component: SignupExistingEmail },
  email_change_confirm: { subject: emailChangeConfirmSubject, Component: EmailChangeConfirmEmail },
  email_change_notice: { subject: emailChangeNoticeSubject, Component: EmailChangeNoticeEmail },
  email_change_taken: { subject: emailChangeTakenSubject, Component: EmailChangeTakenEmail },
  recovery_code_used: { subject: recoveryCodeUsedSubject, Component: RecoveryCodeUsedEmail },
  second_factor_reset: { subject: secondFactorResetSubject, Component: SecondFactorResetEmail },
  second_factor_changed: { subject: secondFactorChangedSubject, Component: SecondFactorChangedEmail },
};

export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderEmail<T extends TemplateName>(template: T, data: TemplateData[T], company: EmailCompany): Promise<RenderedEmail> {
  const { subject, Component } = emailTemplates[template] as EmailTemplate<TemplateData[T]>;
  const element = createElement(Component, { data, company });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: subject(data, company), html, text };
}
