import "server-only";

/**
 * A small in-memory LRU of rendered PDFs, bounded by total bytes. Keys name a
 * document version, so a changed invoice never hits an old entry; the cache
 * is disposable and per process.
 */
export class PdfCache {
  private entries = new Map<string, Buffer>();
  private bytes = 0;
  private inflight = new Map<string, Promise<Buffer>>();

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string): Buffer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert to mark it most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, pdf: Buffer): void {
    if (pdf.length > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, pdf);
    this.bytes += pdf.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }

  /** The cached PDF, or one render shared by every caller asking for the same key at once. */
  async getOrRender(key: string, render: () => Promise<Buffer>): Promise<{ pdf: Buffer; cached: boolean }> {
    const hit = this.get(key);
    if (hit) return { pdf: hit, cached: true };
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = render().finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
      const pdf = await pending;
      this.set(key, pdf);
      return { pdf, cached: false };
    }
    return { pdf: await pending, cached: false };
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
