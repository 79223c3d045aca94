"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { setSecondFactorPolicy as setPolicy } from "@/lib/second-factor/policy";
import { defineAction } from "../define-action";

const schema = z.object({ required: z.enum(["on", "off"], { error: "Choose whether to require a second factor" }) });

/** "Require an authenticator app or passkey for admins and staff". */
export const setSecondFactorPolicy = defineAction({
  name: "settings.update_second_factor_policy",
  permission: "settings:manage",
  schema,
  async handler({ required }, { actor }) {
    await setPolicy(getDb(), actor, required === "on");
  },
});
