import { parseEnv } from "./env-schema.mjs";

export type Env = ReturnType<typeof parseEnv>;

let cached: Env | undefined;

/** The validated environment. Parsed on first use, so importing this module never throws. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** True when a real email provider is configured; otherwise messages are captured. */
export const emailConfigured = () => Boolean(env().RESEND_API_KEY);
export const smsConfigured = () => Boolean(env().TWILIO_ACCOUNT_SID && env().TWILIO_AUTH_TOKEN);
export const stripeConfigured = () => Boolean(env().STRIPE_SECRET_KEY);
