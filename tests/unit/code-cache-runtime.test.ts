/**
 * @jest-environment node
 */
import vm from "node:vm";
import { shared } from "../../jest.config.mjs";

// The jest runtime that keeps each module's compiled code for the next test file
// (tests/support/code-cache-runtime.js): what it shares must be code only, never state.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compileCached } = require("../support/code-cache-runtime.js") as {
  compileCached: (cache: Map<string, unknown>, options: { source: string; filename: string; params: string[]; context: vm.Context }) => { fn: (...args: unknown[]) => unknown; cacheUsed: boolean };
};

type Module = { exports: Record<string, unknown> };
const PARAMS = ["module", "exports", "require"];

/** Loads `source` as a module in a fresh context, as jest does for each test file. */
function load(cache: Map<string, unknown>, source: string, filename = "/virtual/counter.js") {
  const context = vm.createContext({});
  const { fn, cacheUsed } = compileCached(cache, { source, filename, params: PARAMS, context });
  const mod: Module = { exports: {} };
  fn(mod, mod.exports, () => {
    throw new Error("no require here");
  });
  return { exports: mod.exports, cacheUsed, context };
}

const COUNTER = `let count = 0;
globalThis.loaded = (globalThis.loaded || 0) + 1;
exports.next = () => ++count;
exports.fail = () => {
  throw new Error("where");
};`;

describe("the code-cache runtime", () => {
  it("serves the second load from the cache, with fresh module state and the second context's globals", () => {
    const cache = new Map<string, unknown>();
    const first = load(cache, COUNTER);
    expect(first.cacheUsed).toBe(false);
    const next = first.exports.next as () => number;
    expect([next(), next()]).toEqual([1, 2]);

    const second = load(cache, COUNTER);
    expect(second.cacheUsed).toBe(true);
    // A module instance of its own: its counter starts again, and it ran against its own context.
    expect((second.exports.next as () => number)()).toBe(1);
    expect(vm.runInContext("loaded", first.context)).toBe(1);
    expect(vm.runInContext("loaded", second.context)).toBe(1);
    expect(load(cache, COUNTER).cacheUsed).toBe(true);
  });

  it("compiles a changed source anew instead of running the old code", () => {
    const cache = new Map<string, unknown>();
    load(cache, "exports.answer = 1;", "/virtual/answer.js");
    load(cache, "exports.answer = 1;", "/virtual/answer.js");
    const changed = load(cache, "exports.answer = 2;", "/virtual/answer.js");
    expect(changed.exports.answer).toBe(2);
    expect(changed.cacheUsed).toBe(false);
  });

  it("keeps the source's own lines and columns in stack traces, from the cache too", () => {
    const cache = new Map<string, unknown>();
    for (const round of [1, 2, 3]) {
      const { exports, cacheUsed } = load(cache, COUNTER);
      expect(cacheUsed).toBe(round > 1);
      let stack = "";
      try {
        (exports.fail as () => void)();
      } catch (error) {
        stack = (error as Error).stack ?? "";
      }
      // `throw new Error("where")` is on the source's line 5, its `new` at column 9.
      expect(stack.split("\n")[1]).toContain("/virtual/counter.js:5:9");
    }
  });

  it("compiles anew for other parameters, even of the same length (V8 only checks the length)", () => {
    const cache = new Map<string, unknown>();
    const source = "return [a, b];";
    const run = (params: string[]) => {
      const { fn, cacheUsed } = compileCached(cache, { source, filename: "/virtual/params.js", params, context: vm.createContext({}) });
      return { result: fn(1, 2), cacheUsed };
    };
    expect(run(["a", "b"])).toEqual({ result: [1, 2], cacheUsed: false });
    expect(run(["a", "b"])).toEqual({ result: [1, 2], cacheUsed: true });
    expect(run(["b", "a"])).toEqual({ result: [2, 1], cacheUsed: false });
  });

  it("loads a module that starts with a hashbang, keeping its lines", () => {
    const cache = new Map<string, unknown>();
    const source = '#!/usr/bin/env node\nexports.where = () => new Error("here").stack;';
    for (const round of [1, 2]) {
      const { exports, cacheUsed } = load(cache, source, "/virtual/cli.js");
      expect(cacheUsed).toBe(round > 1);
      expect((exports.where as () => string)().split("\n")[1]).toContain("/virtual/cli.js:2:");
    }
  });

  it("is the runtime the projects share", () => {
    expect(shared.runtime).toBe("<rootDir>/tests/support/code-cache-runtime.js");
  });
});
