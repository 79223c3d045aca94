// The e2e project's jest runner. It runs its files in band, as before; with
// E2E_QUEUE set (scripts/test.mjs), several jest processes, each with its own
// app server and database, share one list of files: a process takes the next
// file nobody has taken, so every file runs exactly once, in whichever
// process gets to it first. That lets a second process join the run when
// another lane of `npm test` frees a core, without deciding beforehand who
// runs what (docs/architecture.md, "Tests"). Without E2E_QUEUE, every file runs.
import { mkdirSync } from "node:fs";
import path from "node:path";
import jestRunner from "jest-runner";

const TestRunner = jestRunner.default ?? jestRunner;

/**
 * Claims a test file for this process: true when nobody had it. mkdir is
 * atomic across processes, so two processes can't both get the same file.
 */
export function claim(queue, rootDir, testPath) {
  const name = encodeURIComponent(path.relative(rootDir, testPath));
  try {
    mkdirSync(path.join(queue, name));
    return true;
  } catch (error) {
    if (error && error.code === "EEXIST") return false;
    throw error;
  }
}

export default class E2eQueueRunner extends TestRunner {
  // Always in band: one file at a time against this process's own app server.
  static isSerial = true;

  async runTests(tests, watcher, options) {
    const queue = process.env.E2E_QUEUE;
    if (!queue) return super.runTests(tests, watcher, { ...options, serial: true });
    mkdirSync(queue, { recursive: true });
    let ran = 0;
    for (const test of tests) {
      if (watcher.isInterrupted()) break;
      if (!claim(queue, this._globalConfig.rootDir, test.path)) continue;
      ran += 1;
      await super.runTests([test], watcher, { ...options, serial: true });
    }
    // Jest's summary counts every file in its total: say how many ran here.
    const rest = ran === tests.length ? "" : "; other processes ran the rest";
    process.stderr.write(`\n${process.env.E2E_STREAM ?? "e2e"}: ran ${ran} of the ${tests.length} files${rest}.\n`);
  }
}
