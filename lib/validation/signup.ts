import { z } from "zod";
import { passwordProblems } from "@/lib/auth/password-rules";
import { checkbox, email, oneLine, requiredText } from "./fields";
import { phoneCountry, phoneText, withPhone } from "./phone";

const signupFields = z
  .object({
    name: requiredText(120, "Enter your name"),
    email,
    phone: phoneText,
    phoneCountry,
    // Checked on its own so its problems show alongside the other fields' errors.
    password: oneLine(200, "Enter a password").superRefine((v, ctx) => {
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

/**
 * A phone is required at sign-up: it's where codes and (with consent) receipts
 * go, so it must be able to take a text when either is chosen.
 */
const signupPhone = withPhone(signupFields, { required: "Enter your mobile number", texts: (v) => v.twoFactor === "sms" || v.smsOptIn === true });
export const signupSchema = signupPhone.transform((v) => ({ ...v, phone: v.phone! }));
