// The typecheck `npm test` and `npm run up` run before their builds, so the
// builds can skip their own (NEXT_BUILD_TYPECHECK=off, next.config.mjs).
import path from "node:path";
import { bin, run } from "./process.mjs";

/**
 * `next typegen` writes the route types and `next-env.d.ts` the build would
 * write into `distDir`, then TypeScript 7's native `tsc` checks the tree with
 * them: what the build's own pass (TypeScript 6, through its JavaScript API)
 * would check, in about a quarter of the time. npm links either package's
 * `tsc` into node_modules/.bin, so TypeScript 7's is run by its path.
 * Resolves true when both pass.
 */
export async function typecheck(root, { distDir, env, output }) {
  // typegen loads next.config.mjs as a build does, which checks the environment (`env`); it connects to nothing.
  if ((await run(bin(root, "next"), ["typegen"], { env: { ...env, NEXT_DIST_DIR: distDir }, cwd: root, output })) !== 0) return false;
  return (await run(process.execPath, [path.join(root, "node_modules", "typescript-7", "bin", "tsc"), "--noEmit"], { cwd: root, output })) === 0;
}
