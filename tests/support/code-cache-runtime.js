// Every project's jest `runtime` (jest.config.mjs): jest's own, except that a
// module's compiled code is kept for the next test file in the same process.
//
// Jest loads every module anew for each test file, so React, Drizzle, zod and
// the app's own modules are parsed and compiled again file after file (the
// integration files' profile put 12.6 s in `vm.compileFunction` alone). Each
// file still gets fresh module instances: only V8's code cache, which holds
// bytecode and no state, is shared. The cache is taken from the script after a
// file has run (`createCachedData`), so it also holds the functions that file
// called, not just the top level. In band, the integration files went from
// 129 to 89 CPU-seconds; docs/architecture.md ("Tests") has the figures.
//
// Where this can't compile a module (a syntax error), jest's own compile runs
// and reports it as it always did. Jest's own compile also runs throughout
// when Node runs with --experimental-vm-modules (V8 drops a cached script's
// dynamic-import callback) and under V8 coverage (a script compiled again in
// the same process loses its block counts).
/* eslint-disable @typescript-eslint/no-require-imports -- jest-runner require()s its runtime, so this is CommonJS. */
const vm = require("node:vm");
const Runtime = require("jest-runtime").default;

/** How many times a module's cache is taken again from a later file's script: each file calls more of it. */
const REFRESHES = 2;

/**
 * A function from `source` that takes `params`, compiled in `context` with the
 * code `cache` holds for `filename` (and kept there for the next call). Lines
 * and columns in stack traces are the source's own.
 */
function compileCached(cache, { source, filename, params, context, importModuleDynamically }) {
  // V8 checks a code cache against the source's length only, so the parameters are part of the key too.
  const signature = params.join(",");
  let entry = cache.get(filename);
  if (entry && (entry.source !== source || entry.signature !== signature)) entry = undefined;
  if (entry && entry.refreshes < REFRESHES) {
    entry.data = entry.script.createCachedData();
    entry.refreshes += 1;
  }
  // The wrapper's own line is line 0, so the source's first line is line 1. A hashbang, which only a
  // script's first line may hold, becomes a comment of the same length.
  const body = source.startsWith("#!") ? `//${source.slice(2)}` : source;
  const script = new vm.Script(`(function (${params.join(", ")}) {\n${body}\n})`, {
    filename,
    lineOffset: -1,
    importModuleDynamically,
    ...(entry?.data ? { cachedData: entry.data } : {}),
  });
  if (!entry) cache.set(filename, { source, signature, script, data: undefined, refreshes: 0 });
  else if (entry.refreshes < REFRESHES) entry.script = script;
  return { fn: script.runInContext(context), cacheUsed: Boolean(entry?.data) && !script.cachedDataRejected };
}

/** Per process, across its test files: filename → the source, its latest script and code cache. */
const processCache = new Map();

class CodeCacheRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    const coverage = this._coverageOptions;
    if (typeof vm.SyntheticModule === "function" || (coverage?.collectCoverage && coverage.coverageProvider === "v8")) return;
    const executor = this.executor;
    const compile = executor.compile.bind(executor);
    executor.compile = (source, filename) => {
      const context = executor.environment.getVmContext();
      if (context == null) return null;
      const scriptFilename = executor.resolution.isCoreModule(filename) ? `jest-nodejs-core-${filename}` : filename;
      try {
        return compileCached(processCache, {
          source,
          filename: scriptFilename,
          params: executor.injectedModuleParameters,
          context,
          importModuleDynamically: (specifier, _script, importAttributes, phase) => executor.dynamicImport(specifier, scriptFilename, context, importAttributes, phase),
        }).fn;
      } catch {
        return compile(source, filename);
      }
    };
  }
}

module.exports = CodeCacheRuntime;
module.exports.compileCached = compileCached;
