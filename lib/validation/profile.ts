import { z } from "zod";
import { passwordProblems } from "@/lib/auth/password-rules";
import { email, id, optionalPhone, requiredText } from "./fields";

export const profileSchema = z.object({
  name: requiredText(120, "Enter your name"),
  email,
  phone: optionalPhone,
  // Needed only when the email changes; the domain function checks it.
  currentPassword: z.string().max(200).optional().default(""),
});

const newPassword = { password: z.string().max(200), confirmPassword: z.string().max(200) };

/** The shared strength rules, and the confirmation must match. */
function checkNewPassword(v: { password: string; confirmPassword: string }, ctx: z.RefinementCtx) {
  const problems = passwordProblems(v.password);
  if (problems.length) ctx.addIssue({ code: "custom", path: ["password"], message: problems.join(". ") });
  else if (v.password !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two passwords don't match" });
}

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, { error: "Enter your current password" }).max(200), ...newPassword })
  .superRefine(checkNewPassword);

export const forgotPasswordSchema = z.object({ email });

/** Used by the reset link and the invite-acceptance link: a token and a new password. */
export const tokenPasswordSchema = z.object({ token: z.string().trim().min(1).max(200), ...newPassword }).superRefine(checkNewPassword);

/** "Sign out" on one row of the profile's list of devices. */
export const signOutDeviceSchema = z.object({ sessionId: id });

/** The button on the page a changed email's link opens. */
export const confirmEmailChangeSchema = z.object({ token: z.string().trim().min(1).max(200) });
