import { cpus, loadavg } from "node:os";

/**
 * A test deadline stretched by how busy the machine is (load per CPU), so a
 * shared CI box running slow is not a failure. Only for deadlines a test must
 * not hit; a timeout under test is set directly.
 */
export function scaledMs(ms: number): number {
  return Math.round(ms * Math.max(1, loadavg()[0]! / cpus().length));
}

export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
