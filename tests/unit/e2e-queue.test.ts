/** @jest-environment node */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { claim } from "@/tests/support/e2e-queue-runner.mjs";

// The e2e processes of `npm test` share one list of files (scripts/test.mjs):
// every file must run exactly once, whichever process reaches it first.
const root = "/repo";
const files = Array.from({ length: 40 }, (_, i) => path.join(root, "tests", "e2e", `file-${i}.test.ts`));
let queue: string;

beforeEach(() => {
  queue = mkdtempSync(path.join(tmpdir(), "e2e-queue-"));
});
afterEach(() => rmSync(queue, { recursive: true, force: true }));

it("gives a file to the first claim only", () => {
  expect(claim(queue, root, files[0]!)).toBe(true);
  expect(claim(queue, root, files[0]!)).toBe(false);
  expect(claim(queue, root, files[1]!)).toBe(true);
});

it("tells apart files whose paths differ only in their folders or separators", () => {
  expect(claim(queue, root, path.join(root, "tests", "e2e", "a", "x.test.ts"))).toBe(true);
  expect(claim(queue, root, path.join(root, "tests", "e2e", "b", "x.test.ts"))).toBe(true);
  expect(claim(queue, root, path.join(root, "tests", "e2e", "a_x.test.ts"))).toBe(true);
});

it("shares the files among processes racing for them, each exactly once", async () => {
  const runner = path.join(process.cwd(), "tests", "support", "e2e-queue-runner.mjs");
  const script = `import { claim } from ${JSON.stringify(runner)};
    const files = JSON.parse(process.argv[1]);
    console.log(JSON.stringify(files.filter((f) => claim(${JSON.stringify(queue)}, ${JSON.stringify(root)}, f))));`;
  const race = () => promisify(execFile)(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(files)]).then((r) => JSON.parse(r.stdout) as string[]);
  const got = await Promise.all([race(), race(), race(), race()]);
  const all = got.flat();
  expect(all.sort()).toEqual([...files].sort());
  expect(new Set(all).size).toBe(files.length);
});
