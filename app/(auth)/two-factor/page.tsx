import type { Metadata } from "next";
import Link from "next/link";
import { PasskeyButton } from "@/components/auth/passkey-button";
import { SecondStepCodeForm } from "@/components/auth/second-step-code-form";
import { TwoFactorForm } from "@/components/auth/two-factor-form";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { getDb } from "@/db";
import { startPasskeySecondStep } from "@/lib/actions/auth/start-passkey-second-step";
import { verifyTwoFactor } from "@/lib/actions/auth/verify-two-factor";
import { readLoginChallenge } from "@/lib/auth/two-factor";
import { readChallengeCookie } from "@/lib/auth/two-factor-cookie";
import { maskPhone } from "@/lib/otp/code";
import { nextResendAt } from "@/lib/otp/send";

export const metadata: Metadata = { title: "Enter your code" };
export const dynamic = "force-dynamic";

/**
 * Step two of a two-factor sign-in: one way in for each factor the account
 * has (passkey, app code, texted code, recovery code). Without a live
 * challenge there is nothing to do here but start again.
 */
export default async function TwoFactorPage() {
  const challenge = await readLoginChallenge(getDb(), await readChallengeCookie());
  if (!challenge) {
    return (
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle asChild>
            <h1>Sign-in timed out</h1>
          </CardTitle>
          <CardDescription>The code step lasts 10 minutes. Enter your email and password again to get a new code.</CardDescription>
        </CardHeader>
        <CardContent>
          <Link href="/login" className={buttonVariants({ className: "w-full" })}>
            Back to sign in
          </Link>
        </CardContent>
      </Card>
    );
  }
  const { user, factors } = challenge;
  const smsOnly = factors.sms && !factors.totp && factors.passkeys === 0;
  const resendAt = factors.sms ? await nextResendAt(getDb(), user.id, "login") : null;
  const sections: React.ReactNode[] = [];
  if (factors.passkeys > 0) {
    sections.push(
      <PasskeyButton
        key="passkey"
        start={startPasskeySecondStep}
        finish={verifyTwoFactor}
        field="code"
        extra={{ factor: "passkey" }}
        label="Use a passkey"
        variant={factors.totp ? "outline" : "default"}
      />,
    );
  }
  if (factors.totp) {
    sections.push(
      <SecondStepCodeForm
        key="totp"
        factor="totp"
        label="Code from your authenticator app"
        hint="Open the app and enter the 6-digit code it shows for this account."
        submitLabel="Verify and sign in"
      />,
    );
  }
  if (factors.sms) {
    sections.push(<TwoFactorForm key="sms" sentTo={maskPhone(user.phone)} resendAt={resendAt?.toISOString() ?? null} />);
  }
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle asChild>
          <h1>{smsOnly ? (user.phoneVerified ? "Enter your code" : "Verify your phone") : "Confirm it's you"}</h1>
        </CardTitle>
        <CardDescription>
          {smsOnly && !user.phoneVerified ? "One last step: this confirms the number we text your sign-in codes to." : "Your account uses two-step sign-in."} Signing in as{" "}
          <span className="font-medium text-foreground">{user.email}</span>.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {sections.flatMap((section, i) => (i === 0 ? [section] : [<Separator key={`sep-${i}`} />, section]))}
        {factors.recoveryCodes > 0 && (
          <details className="grid gap-3 text-sm">
            <summary className="cursor-pointer font-medium text-primary underline-offset-4 hover:underline">Use a recovery code</summary>
            <div className="pt-3">
              <SecondStepCodeForm factor="recovery" label="Recovery code" hint="One of the ten codes you saved when you set up two-step sign-in. Each works once." submitLabel="Use recovery code" />
            </div>
          </details>
        )}
        <Link href="/login" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          Use a different account
        </Link>
      </CardContent>
    </Card>
  );
}
