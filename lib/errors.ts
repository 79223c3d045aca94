import type { FieldErrors } from "./form-state";

/** A refusal a person can act on; its message is safe to show. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Missing, or not the caller's: both look the same from outside. */
export class NotFoundError extends DomainError {
  constructor(what = "That record") {
    super(`${what} was not found.`);
    this.name = "NotFoundError";
  }
}
