// The sprite's and the invoice stylesheet's Cache-Control: a year in a build, asked again in `next dev`.

async function cacheControlUnder(nodeEnv: string): Promise<string> {
  const env = process.env as Record<string, string | undefined>;
  const before = env.NODE_ENV;
  env.NODE_ENV = nodeEnv;
  try {
    let value = "";
    await jest.isolateModulesAsync(async () => {
      value = (await import("@/lib/versioned-file")).versionedFileCacheControl;
    });
    return value;
  } finally {
    env.NODE_ENV = before;
  }
}

describe("a versioned file's Cache-Control", () => {
  it("is kept a year, immutable, in a production build", async () => {
    expect(await cacheControlUnder("production")).toBe("public, max-age=31536000, immutable");
  });

  it("is asked for again in next dev, where an edit keeps the same address", async () => {
    expect(await cacheControlUnder("development")).toBe("no-cache");
  });
});
