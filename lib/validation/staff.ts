import { z } from "zod";
import { email, id, linkToken, requiredText } from "./fields";
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

export const inviteRequestSchema = z.object({
  email,
  name: requiredText(120, "Enter the person's name"),
});

export const inviteDecisions = ["approve", "reject"] as const;
export type InviteDecision = (typeof inviteDecisions)[number];

/** From the emailed link (token) or from the pending list in the app (inviteId). */
export const inviteDecisionSchema = z
  .object({
    decision: z.enum(inviteDecisions),
    token: linkToken(200).optional(),
    inviteId: id.optional(),
  })
  .refine((v) => Boolean(v.token) !== Boolean(v.inviteId), { error: "This decision link is not valid" });
