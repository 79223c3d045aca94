import { z } from "zod";
import { CONTROL_CHARACTERS_ERROR, isTypedText, oneLine, positiveId } from "./fields";

// The second step of a sign-in, authenticator apps and passkeys. The sign-in's
// code forms import this module on public pages, so it must not import
// ./phone (turning texted codes on, which reads a number, is ./two-factor-change).

/** Six digits; spaces and dashes people type ("123 456") are dropped first. */
export const otpCode = z
  .string({ error: "Enter the 6-digit code" })
  .transform((v) => v.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "Enter the 6-digit code from the text message" }));

const factorMessages = {
  sms: "Enter the 6-digit code from the text message",
  totp: "Enter the 6-digit code from your authenticator app",
  recovery: "Enter one of your recovery codes, like abcde-23456",
  passkey: "Your passkey didn't answer. Try again.",
} as const;

/**
 * The second step of a sign-in: which factor answers, and its answer (a
 * code, or a passkey's signed assertion as JSON). Without a factor it is the
 * texted code, as before there were others.
 */
export const verifyCodeSchema = z
  .object({
    factor: z.enum(["sms", "totp", "recovery", "passkey"], { error: "Choose how to sign in" }).default("sms"),
    code: z
      .string({ error: "Enter the code" })
      .max(64_000, { error: "That answer is too long" })
      .refine((v) => isTypedText(v), { error: CONTROL_CHARACTERS_ERROR }),
  })
  .transform((v, ctx) => {
    const code = v.factor === "passkey" ? v.code : v.code.replace(/[\s-]/g, "").toLowerCase();
    const ok = v.factor === "passkey" ? code.length > 0 : v.factor === "recovery" ? /^[a-z0-9]{10}$/.test(code) : /^\d{6}$/.test(code);
    if (!ok) {
      ctx.addIssue({ code: "custom", path: ["code"], message: factorMessages[v.factor] });
      return z.NEVER;
    }
    return { factor: v.factor, code };
  });

/** A code from the authenticator app, to confirm setting it up. */
export const confirmTotpSchema = z.object({
  code: z
    .string({ error: "Enter the 6-digit code from your app" })
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, { error: "Enter the 6-digit code from your app" })),
});

export const passwordOnlySchema = z.object({ password: oneLine(200, "Enter your password").pipe(z.string().min(1, { error: "Enter your password" })) });

export const emptySchema = z.object({});

/** The browser's answer to a passkey request, as JSON text. */
const passkeyResponse = z
  .string({ error: "Your passkey didn't answer. Try again." })
  .min(2, { error: "Your passkey didn't answer. Try again." })
  .max(64_000, { error: "Your passkey didn't answer. Try again." })
  .refine((v) => isTypedText(v), { error: CONTROL_CHARACTERS_ERROR });

export const passkeySignInSchema = z.object({ response: passkeyResponse, callbackUrl: z.string().max(2000).optional() });

export const addPasskeySchema = z.object({
  response: passkeyResponse,
  name: oneLine(80, "Name this passkey (80 characters at most)").pipe(z.string().trim().min(1, { error: 'Name this passkey, like "Work laptop"' })),
});

export const passkeyIdSchema = z.object({ id: positiveId("Choose a passkey") });

export const renamePasskeySchema = z.object({ id: positiveId("Choose a passkey"), name: addPasskeySchema.shape.name });

export const userIdSchema = z.object({ userId: positiveId("Choose a user") });

export const resendCodeSchema = z.object({});
