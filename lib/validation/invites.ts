import { z } from "zod";
import { email, id, linkToken, requiredText } from "./fields";

// Staff invites: the request (a name and an email) and the admin's decision.
// Apart from ./staff, whose edit schema reads a phone, so the invite form
// doesn't bring the phone metadata to the browser.

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
