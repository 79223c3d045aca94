import { z } from "zod";
import { email, oneLine, requiredText } from "./fields";
import { phoneCountry, phoneText, withPhone } from "./phone";

// The profile form: the one schema here that reads a phone, so the phone
// metadata comes only with it. The password, device and email-link schemas
// are in ./account, which public pages import without that weight.
export const profileSchema = withPhone(
  z.object({
    name: requiredText(120, "Enter your name"),
    email,
    phone: phoneText,
    phoneCountry,
    // Needed only when the email changes; the domain function checks it.
    currentPassword: oneLine(200, "Enter your current password").optional().default(""),
  }),
);
