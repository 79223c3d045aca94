import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getTwoFactorStatus } from "@/db/queries/two-factor";
import { maskPhone } from "@/lib/otp/code";
import { TwoFactorSettings } from "./two-factor-settings";

/** Two-step sign-in by SMS, for every role's profile page. */
export async function TwoFactorCard({ userId }: { userId: number }) {
  const status = await getTwoFactorStatus(userId);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Two-step sign-in</CardTitle>
        <CardDescription>A code by text message at each sign-in, on top of your password. Changing this needs your password and a fresh code.</CardDescription>
      </CardHeader>
      <CardContent>
        <TwoFactorSettings status={{ ...status, maskedPhone: maskPhone(status.phone) }} />
      </CardContent>
    </Card>
  );
}
