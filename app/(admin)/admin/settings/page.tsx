import type { Metadata } from "next";
import { ReminderScheduleSection } from "@/components/reminders/reminder-schedule-section";
import { SettingsForm } from "@/components/settings/settings-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { getSettings } from "@/db/queries/settings";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { formatRate, toDecimalString } from "@/lib/money";

export const metadata: Metadata = { title: "Settings" };

export default async function Page() {
  const user = await requirePagePermission("settings:manage");
  const s = await getSettings();
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
              taxRate: formatRate(s.taxRateBp),
              invoicePrefix: s.invoicePrefix,
              dueDays: s.dueDays,
              senderName: s.senderName,
              minPayment: toDecimalString(s.minPaymentMinor, s.defaultCurrency),
              bankInstructions: s.bankInstructions ?? "",
              cashInstructions: s.cashInstructions ?? "",
            }}
          />
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
