import { z } from "zod";
import { linkToken, oneLine } from "./fields";
import { phoneCountry, phoneText, withPhone } from "./phone";

/** Six digits; spaces and dashes people type ("123 456") are dropped first. */
export const otpCode = z
  .string({ error: "Enter the 6-digit code" })
  .transform((v) => v.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "Enter the 6-digit code from the text message" }));

export const verifyCodeSchema = z.object({ code: otpCode });

export const resendCodeSchema = z.object({});

// Turning codes on texts the number, so it must be able to take a text.
export const startTwoFactorChangeSchema = withPhone(
  z.object({
    change: z.enum(["enable", "disable"]),
    password: oneLine(200, "Enter your password").pipe(z.string().min(1, { error: "Enter your password" })),
    phone: phoneText,
    phoneCountry,
  }),
  { texts: (v) => v.change === "enable" },
);

export const confirmTwoFactorChangeSchema = z.object({ token: linkToken(2000), code: otpCode });

export const resendTwoFactorChangeSchema = z.object({ token: linkToken(2000) });
