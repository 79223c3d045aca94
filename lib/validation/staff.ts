import { z } from "zod";
import { id, requiredText } from "./fields";
import { phoneCountry, phoneText, withPhone } from "./phone";

export const staffRoles = ["admin", "staff"] as const;

export const updateStaffSchema = withPhone(
  z.object({
    id,
    name: requiredText(120, "Enter a name"),
    phone: phoneText,
    phoneCountry,
    role: z.enum(staffRoles, { error: "Pick admin or staff" }),
  }),
);

// Sent by a button as a JSON boolean; anything else is refused, not read as "disable".
export const staffStatusSchema = z.object({ id, enabled: z.boolean({ error: "Say whether to enable or disable" }) });
