import "server-only";

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

/**
 * Runs `stop` when the process gets SIGTERM or SIGINT, without taking over
 * the exit. Under `next start` and `next dev`, Next's own handler closes the
 * HTTP server and then calls process.exit(); that exit is held back until
 * `stop` settles (at most `graceMs`), then goes ahead with Next's exit code.
 * When nothing else handles the signal, the process ends as the signal would
 * have ended it once `stop` settles.
 */
export function stopOnSignals(stop: () => Promise<void>, graceMs: number): void {
  let stopped: Promise<void> | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopped) return;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    stopped = Promise.race([stop().catch((error: unknown) => console.error("[shutdown] stop failed", error)), deadline]).finally(() => clearTimeout(timer));
    const done = stopped;
    if (process.listenerCount(signal) > 1) {
      const exit = process.exit.bind(process);
      process.exit = ((code?: number | string | null) => {
        void done.finally(() => exit(code));
      }) as typeof process.exit;
    } else {
      // A listener switches off Node's default exit on the signal, so re-raise it without ours.
      void done.finally(() => {
        for (const s of SIGNALS) process.removeListener(s, onSignal);
        process.kill(process.pid, signal);
      });
    }
  };
  for (const s of SIGNALS) process.on(s, onSignal);
}
