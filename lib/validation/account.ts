import { z } from "zod";
import { passwordProblems } from "@/lib/auth/password-rules";
import { email, id, linkToken, oneLine } from "./fields";

// A person's own account: new passwords, the links that reset one or confirm a
// new email or a sign-up, and the devices signed in. Most of these forms sit
// on public pages, so this module must not import ./phone (its metadata is
// about 75 kB of browser JavaScript; tests/unit/client-bundles.test.ts holds that).

const newPassword = { password: oneLine(200, "Enter a new password"), confirmPassword: oneLine(200, "Enter the new password again") };

/** The shared strength rules, and the confirmation must match. */
function checkNewPassword(v: { password: string; confirmPassword: string }, ctx: z.RefinementCtx) {
  const problems = passwordProblems(v.password);
  if (problems.length) ctx.addIssue({ code: "custom", path: ["password"], message: problems.join(". ") });
  else if (v.password !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two passwords don't match" });
}

export const changePasswordSchema = z
  .object({ currentPassword: oneLine(200, "Enter your current password").pipe(z.string().min(1, { error: "Enter your current password" })), ...newPassword })
  .superRefine(checkNewPassword);

export const forgotPasswordSchema = z.object({ email });

/** Used by the reset link and the invite-acceptance link: a token and a new password. */
export const tokenPasswordSchema = z.object({ token: linkToken(200), ...newPassword }).superRefine(checkNewPassword);

/** "Sign out" on one row of the profile's list of devices. */
export const signOutDeviceSchema = z.object({ sessionId: id });

/** The button on the page a changed email's link opens. */
export const confirmEmailChangeSchema = z.object({ token: linkToken(200) });

/** The sign-up link's page: the token from the email and the password chosen at sign-up. */
export const completeSignupSchema = z.object({
  token: linkToken(4000),
  password: oneLine(200, "Enter your password").pipe(z.string().min(1, { error: "Enter your password" })),
});
