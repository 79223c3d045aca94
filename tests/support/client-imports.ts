import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

// The modules a browser loads with a page, read from the source: every
// "use client" module and what it imports statically, through our own files,
// down to the packages. A "use server" module is only a reference in the
// browser's bundle, so the walk stops there; `import()` and `import type`
// are not followed (a dynamic import is a chunk of its own, loaded later).

const root = path.resolve(__dirname, "..", "..");
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

/** A source file's path relative to the repository ("components/forms/phone-input.tsx"), or a package's name. */
export type ModuleId = string;

function resolve(from: string, specifier: string): ModuleId | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(root, path.dirname(from), specifier);
  else return specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
  if (/\.(tsx?)$/.test(base) && existsSync(base)) return path.relative(root, base);
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return path.relative(root, base + ext);
  return null; // a stylesheet, an image, JSON: not a module that imports others
}

const parsed = new Map<ModuleId, { directive: "client" | "server" | null; imports: ModuleId[] }>();

function read(file: ModuleId) {
  let entry = parsed.get(file);
  if (entry) return entry;
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, false, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const first = source.statements[0];
  const directive = first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : null;
  const imports: ModuleId[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) specifier = statement.moduleSpecifier;
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    // `import { type A, type B } from "x"` brings nothing to the bundle either.
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    const bindings = clause?.namedBindings;
    if (clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)) continue;
    const resolved = resolve(file, specifier.text);
    if (resolved) imports.push(resolved);
  }
  entry = { directive: directive === "use client" ? "client" : directive === "use server" ? "server" : null, imports };
  parsed.set(file, entry);
  return entry;
}

/** Every module the browser loads with `file`, itself included. */
export function browserModules(file: ModuleId): Set<ModuleId> {
  const seen = new Set<ModuleId>();
  const stack = [file];
  while (stack.length) {
    const current = stack.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    if (!/\.tsx?$/.test(current)) continue; // a package: its own insides don't matter here
    const { directive, imports } = read(current);
    if (directive === "server" && current !== file) continue;
    stack.push(...imports);
  }
  return seen;
}

/** Every "use client" module under the given folders. */
export function clientModules(folders: string[]): ModuleId[] {
  const out: ModuleId[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && read(rel).directive === "client") out.push(rel);
    }
  };
  folders.forEach(walk);
  return out.sort();
}
