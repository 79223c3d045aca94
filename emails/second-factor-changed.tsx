import type { SecondFactorChangedData } from "@/lib/notify/templates";
import { firstName, moment } from "./format";
import { Action, EmailLayout, Paragraph, type EmailCompany, type EmailProps } from "./layout";

type Change = SecondFactorChangedData["change"];

const subjects: Record<Change, (company: string) => string> = {
  passkey_added: (company) => `A passkey was added to your ${company} account`,
  totp_added: (company) => `An authenticator app was turned on for your ${company} account`,
  recovery_codes_regenerated: (company) => `New recovery codes were made for your ${company} account`,
};

/** The same news in a few words, for the SMS text (emails/sms.ts). */
export const secondFactorChangeSms: Record<Change, string> = {
  passkey_added: "a passkey was added to your account",
  totp_added: "an authenticator app was turned on for your account",
  recovery_codes_regenerated: "new recovery codes were made for your account",
};

const consequences: Record<Change, string> = {
  passkey_added: "A passkey signs in to your account by itself, with no password.",
  totp_added: "From now on, signing in with your password also asks for a code from that app.",
  recovery_codes_regenerated: "Each of them signs in once in place of your app or passkey, and your earlier codes no longer work.",
};

const undo: Record<Change, string> = {
  passkey_added: "Then remove the passkey under Authenticator app and passkeys on your profile.",
  totp_added: "Then remove the app under Authenticator app and passkeys on your profile.",
  recovery_codes_regenerated: "Then make new recovery codes under Authenticator app and passkeys on your profile.",
};

export const secondFactorChangedSubject = (d: SecondFactorChangedData, c: EmailCompany) => subjects[d.change](c.name);

// A new way to sign in (or a new set of recovery codes) is exactly what
// someone holding a stolen session and password would make, so the owner hears
// about each one, with what to do if it wasn't them.
export function SecondFactorChangedEmail({ data: d, company }: EmailProps<SecondFactorChangedData>) {
  return (
    <EmailLayout company={company} preview={consequences[d.change]}>
      <Paragraph>Hi {firstName(d.name)},</Paragraph>
      <Paragraph>
        {subjects[d.change](company.name)} on {moment(d.changedAt, company)}. {consequences[d.change]}
      </Paragraph>
      <Paragraph>
        If this was you, there&apos;s nothing to do. If it wasn&apos;t, reset your password now ({d.resetUrl}): that signs everyone else out. {undo[d.change]} If you can&apos;t get past the second
        step of signing in, ask {company.name} to reset your two-step sign-in.
      </Paragraph>
      <Action href={d.securityUrl} label="Open my profile" />
    </EmailLayout>
  );
}
