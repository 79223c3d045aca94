import type { Metadata } from "next";
import { ReminderScheduleSection } from "@/components/reminders/reminder-schedule-section";
import { SettingsForm } from "@/components/settings/settings-form";
import { PageHeader } from "@/components/shell/page-header";
import { SecondFactorPolicyForm } from "@/components/settings/second-factor-policy-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getSettings, timeZoneEverSaved } from "@/db/queries/settings";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { localeOptions, timeZoneGroups } from "@/lib/locales";
import { formatAmountInput, formatRateInput } from "@/lib/money";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";

export const metadata: Metadata = { title: "Settings" };

export default async function Page() {
  const user = await requirePagePermission("settings:manage");
  const [s, zoneSaved, viewerZone] = await Promise.all([getSettings(), timeZoneEverSaved(), getViewerTimeZone()]);
  // Until someone saves a zone, the stored one is the default (UTC): suggest the admin's own, from their browser.
  const suggestedZone = !zoneSaved && s.timeZone === "UTC" && viewerZone !== "UTC" ? viewerZone : null;
  return (
    <>
      <PageHeader title="Settings" description="Company details and invoice defaults. They apply to invoices and emails created from now on; issued invoices keep what they were issued with." />
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <SettingsForm
            settings={{
              companyName: s.companyName,
              companyAddress: s.companyAddress,
              defaultCurrency: s.defaultCurrency,
              locale: s.locale,
              timeZone: suggestedZone ?? s.timeZone,
              taxRate: formatRateInput(s.taxRateBp, s.locale),
              invoicePrefix: s.invoicePrefix,
              dueDays: s.dueDays,
              senderName: s.senderName,
              minPayment: formatAmountInput(s.minPaymentMinor, s.defaultCurrency, s.locale),
              bankInstructions: s.bankInstructions ?? "",
              cashInstructions: s.cashInstructions ?? "",
            }}
            savedLocale={s.locale}
            savedTimeZone={s.timeZone}
            suggestedZone={suggestedZone}
            locales={localeOptions()}
            timeZones={timeZoneGroups()}
          />
        </CardContent>
      </Card>
      <Card className="mt-6">
        <CardHeader>
          <CardTitle asChild>
            <h2>Sign-in security</h2>
          </CardTitle>
          <CardDescription>Require an authenticator app or a passkey, stronger than a password or a texted code, for everyone in the back office.</CardDescription>
        </CardHeader>
        <CardContent>
          <SecondFactorPolicyForm required={s.requireBackOfficeSecondFactor} />
        </CardContent>
      </Card>
      {can(user.role, "reminders:schedule") && (
        <div className="mt-6">
          <ReminderScheduleSection />
        </div>
      )}
    </>
  );
}
