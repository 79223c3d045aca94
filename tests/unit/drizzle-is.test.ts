import { readFileSync } from "node:fs";
import path from "node:path";
import { Column, entityKind, is, SQL, sql, Table } from "drizzle-orm";
import { invoices } from "@/db/schema";

// drizzle-orm's `is()` runs for every chunk of every query it builds. Ours is
// patched (patches/drizzle-orm+*.patch, applied by `npm install`) to read the
// two globals it needs once, when it loads: inside Jest's sandbox each global
// lookup is slow, and they made `is()` the integration tests' costliest
// function. These hold the answers it must keep giving, and fail when the
// patch is missing.

describe("drizzle-orm's is(), patched to read its globals once", () => {
  it("is installed patched", () => {
    for (const file of ["entity.cjs", "entity.js"]) {
      const source = readFileSync(path.join(process.cwd(), "node_modules", "drizzle-orm", file), "utf8");
      expect(source).toContain("const getPrototypeOf = Object.getPrototypeOf;");
      expect(source).not.toContain("Object.prototype.hasOwnProperty.call(type, entityKind)");
    }
  });

  it("answers by drizzle's kind, through subclasses, however often it is asked", () => {
    const column = invoices.id;
    const query = sql`select 1`;
    for (let round = 0; round < 3; round++) {
      expect(is(column, Column)).toBe(true);
      expect(is(column, SQL)).toBe(false);
      expect(is(invoices, Table)).toBe(true);
      expect(is(invoices, Column)).toBe(false);
      expect(is(query, SQL)).toBe(true);
      expect(is(query, Table)).toBe(false);
      expect(is({}, SQL)).toBe(false);
      expect(is(null, SQL)).toBe(false);
      expect(is("select 1", SQL)).toBe(false);
    }
  });

  it("recognises a kind from another copy of a class (not instanceof), as drizzle does", () => {
    class Base {
      static readonly [entityKind]: string = "TestBase";
    }
    class Child extends Base {
      static override readonly [entityKind]: string = "TestChild";
    }
    // A second copy of Base, as a second install of drizzle would have: same kind, other class.
    class OtherBase {
      static readonly [entityKind]: string = "TestBase";
    }
    class Unrelated {
      static readonly [entityKind]: string = "TestUnrelated";
    }
    const child = new Child();
    expect(child instanceof OtherBase).toBe(false);
    expect(is(child, OtherBase)).toBe(true);
    expect(is(child, Base)).toBe(true);
    expect(is(child, Unrelated)).toBe(false);
    expect(is(new Base(), Child)).toBe(false);
    expect(is(new Unrelated(), Unrelated)).toBe(true);
  });

  it("still refuses a class that is not a drizzle entity", () => {
    class NotAnEntity {}
    expect(() => is({}, NotAnEntity as unknown as typeof SQL)).toThrow(/doesn't look like a Drizzle entity/);
  });
});
