/**
 * Why the printer couldn't make a PDF right now. Route handlers answer both
 * with 503 and Retry-After (lib/pdf/responses), never a 500, because trying
 * again shortly is the right thing for the person to do.
 */
export class PrinterUnavailableError extends Error {
  readonly retryAfterSeconds = 5;
}

/** Every page stayed busy for the whole acquire timeout. */
export class PrinterBusyError extends PrinterUnavailableError {
  constructor(waitedMs: number) {
    super(`No PDF page came free within ${waitedMs} ms`);
    this.name = "PrinterBusyError";
  }
}

/** A print held its page past the print timeout; that page was closed, not reused. */
export class PrintTimeoutError extends PrinterUnavailableError {
  constructor(timeoutMs: number) {
    super(`A PDF print took longer than ${timeoutMs} ms and was stopped`);
    this.name = "PrintTimeoutError";
  }
}
