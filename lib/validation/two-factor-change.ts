import { z } from "zod";
import { linkToken, oneLine } from "./fields";
import { phoneCountry, phoneText, withPhone } from "./phone";
import { otpCode } from "./two-factor";

// Turning texted codes on or off from the profile, confirmed by a code sent to
// the number. Apart from ./two-factor because it reads a phone: the sign-in's
// code forms import ./two-factor without the phone metadata.

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
