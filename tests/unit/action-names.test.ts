/**
 * @jest-environment node
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// docs/style.md: an action is named `<folder>.<verb>_<object>` in snake_case,
// after its folder under lib/actions. Read from the files (importing them
// would need a database), so a new action is held to it without a list here.
const root = path.join(process.cwd(), "lib", "actions");
const actions = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(path.join(root, d.name))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => ({ folder: d.name, file: `${d.name}/${f}`, source: readFileSync(path.join(root, d.name, f), "utf8") })),
  )
  .filter((a) => a.source.includes("defineAction("))
  .map((a) => ({ ...a, names: [...a.source.matchAll(/^\s+name: "([^"]+)",$/gm)].map((m) => m[1]!) }));

describe("server action names", () => {
  it("finds the actions", () => {
    expect(actions.length).toBeGreaterThan(70);
    for (const a of actions) expect({ file: a.file, names: a.names.length }).toEqual({ file: a.file, names: 1 });
  });

  it("are <folder>.<verb>_<object> in snake_case, after the action's folder, and unique", () => {
    const wrong = actions.filter((a) => !new RegExp(`^${a.folder}\\.[a-z]+(_[a-z0-9]+)*$`).test(a.names[0]!)).map((a) => `${a.file}: ${a.names[0]}`);
    expect(wrong).toEqual([]);
    const names = actions.map((a) => a.names[0]);
    expect(new Set(names).size).toBe(names.length);
  });
});
