import { DomainError } from "@/lib/errors";

/** A code can't be sent yet: the resend cooldown or a send limit. */
export class OtpThrottledError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    readonly kind: "cooldown" | "limit",
  ) {
    super(kind === "cooldown" ? `Wait ${retryAfterSeconds} seconds before asking for another code.` : `Too many codes were sent. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
    this.name = "OtpThrottledError";
  }
}
