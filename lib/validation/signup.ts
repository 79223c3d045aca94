import { z } from "zod";
import { passwordProblems } from "@/lib/auth/password-rules";
import { normalizePhone } from "@/lib/phone";
import { checkbox, email, linkToken, oneLine, requiredText } from "./fields";

/** A phone is required at sign-up: it's where codes and (with consent) receipts go. */
export const requiredPhone = z.string({ error: "Enter your mobile number" }).transform((v, ctx) => {
  if (!v.trim()) {
    ctx.addIssue({ code: "custom", message: "Enter your mobile number" });
    return z.NEVER;
  }
  const result = normalizePhone(v);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  }
  return result.e164;
});

export const signupSchema = z
  .object({
    name: requiredText(120, "Enter your name"),
    email,
    phone: requiredPhone,
    // Checked on its own so its problems show alongside the other fields' errors.
    password: oneLine(200, "Enter a password")
      .superRefine((v, ctx) => {
        const problems = passwordProblems(v);
        if (problems.length) ctx.addIssue({ code: "custom", message: problems.join(". ") });
      }),
    confirmPassword: oneLine(200, "Enter the password again"),
    twoFactor: z.enum(["none", "sms"], { error: "Choose how you sign in" }),
    smsOptIn: checkbox,
  })
  .superRefine((v, ctx) => {
    // The rules that need the other fields (the email inside the password).
    const problems = passwordProblems(v.password, { email: v.email, name: v.name });
    if (problems.length) ctx.addIssue({ code: "custom", path: ["password"], message: problems.join(". ") });
    else if (v.password !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two passwords don't match" });
  });

export const completeSignupSchema = z.object({
  token: linkToken(4000),
  password: oneLine(200, "Enter your password").pipe(z.string().min(1, { error: "Enter your password" })),
});
