/** @jest-environment node */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { zipStream, type ZipFile } from "@/lib/zip-stream";

async function* from(files: ZipFile[]): AsyncIterable<ZipFile> {
  yield* files;
}

describe("the streamed ZIP", () => {
  it("is an archive that unzip verifies, with each file's bytes and UTF-8 name", async () => {
    const big = new Uint8Array(70_000).fill(7);
    const zip = new Uint8Array(
      await new Response(
        zipStream(
          from([
            { name: "INV-2026-0001.pdf", data: Buffer.from("%PDF-1.4 first") },
            { name: "Façade-2026.pdf", data: big },
          ]),
        ),
      ).arrayBuffer(),
    );
    expect(Object.entries(unzipSync(zip)).map(([name, data]) => [name, data.length])).toEqual([
      ["INV-2026-0001.pdf", 14],
      ["Façade-2026.pdf", 70_000],
    ]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "zip-test-")), "bundle.zip");
    writeFileSync(file, zip);
    // Info-ZIP's zipinfo (in the unzip package, which `npm test` installs) lists each entry's size, method ("stor") and name, read as UTF-8 when the flag says so.
    const listing = execFileSync("zipinfo", ["-l", file], { encoding: "utf8", env: { ...process.env, LC_ALL: "C.UTF-8" } });
    const entries = listing
      .split("\n")
      .filter((l) => / stor /.test(l))
      .map((l) => l.trim().split(/\s+/))
      .map((f) => [f.at(-1), Number(f[3]), f[6]]);
    expect(entries).toEqual([
      ["INV-2026-0001.pdf", 14, "stor"],
      ["Façade-2026.pdf", 70_000, "stor"],
    ]);
    expect(execFileSync("unzip", ["-t", file], { encoding: "utf8" })).toContain("No errors detected");
    expect(execFileSync("unzip", ["-p", file, "INV-2026-0001.pdf"], { encoding: "utf8" })).toBe("%PDF-1.4 first");
  });

  it("asks for the next file only as the reader reads, and for none once the reader goes away", async () => {
    let asked = 0;
    let closed = false;
    async function* files(): AsyncIterable<ZipFile> {
      try {
        for (let i = 1; i <= 10; i++) {
          asked += 1;
          yield { name: `${i}.pdf`, data: new Uint8Array(1000).fill(i) };
        }
      } finally {
        closed = true;
      }
    }
    const reader = zipStream(files()).getReader();
    await reader.read();
    // Let the event loop turn: a stream that read ahead would ask for every file now.
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(closed).toBe(true);
    expect(asked).toBeLessThanOrEqual(2);
  });
});
