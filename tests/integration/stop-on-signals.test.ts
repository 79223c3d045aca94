import { spawn } from "node:child_process";
import path from "node:path";
import { scaledMs } from "../support/load";

// stopOnSignals runs the worker's stop on SIGTERM without taking the exit
// away from Next: Next's process.exit waits for the stop (bounded), and a
// process with no other handler still dies of the signal.

type Outcome = { lines: string[]; code: number | null; signal: NodeJS.Signals | null; ms: number };

function runChild(mode: "next" | "alone", stopMs: string): Promise<Outcome> {
  const root = process.cwd();
  // Node itself, not the tsx CLI, which would relay the signal through a process of its own.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/signal-child.ts", mode, stopMs], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.scripts.json") },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  let sentAt = 0;
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      for (const line of chunk.split("\n").filter(Boolean)) {
        lines.push(line);
        if (line === "ready") {
          sentAt = Date.now();
          child.kill("SIGTERM");
        }
      }
    });
    child.on("exit", (code, signal) => resolve({ lines, code, signal, ms: Date.now() - sentAt }));
  });
}

jest.setTimeout(scaledMs(30_000));

describe("stopOnSignals", () => {
  it("holds Next's exit until the stop has finished, then exits with Next's code", async () => {
    const out = await runChild("next", "300");
    // Next's handler logs, then calls process.exit(143): that exit waits for the stop.
    expect(out.lines).toEqual(["ready", "stop:begin", "next:exit", "stop:done"]);
    expect(out.code).toBe(143);
    expect(out.ms).toBeGreaterThanOrEqual(290);
  });

  it("lets Next exit after the grace period when the stop hangs", async () => {
    const out = await runChild("next", "never");
    expect(out.lines).toEqual(["ready", "stop:begin", "next:exit"]);
    expect(out.code).toBe(143);
    expect(out.ms).toBeLessThan(3000);
  });

  it("with no other handler, the process still dies of the signal once the stop has finished", async () => {
    const out = await runChild("alone", "100");
    expect(out.lines).toEqual(["ready", "stop:begin", "stop:done"]);
    expect(out.signal).toBe("SIGTERM");
  });
});
