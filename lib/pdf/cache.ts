import "server-only";
import { LRUCache } from "lru-cache";

type Render = () => Promise<Buffer>;

/**
 * Rendered PDFs in memory, least recently used out first, bounded by total
 * bytes. Keys name a document version, so a changed invoice never hits an old
 * entry; the cache is disposable and per process.
 */
export class PdfCache {
  private readonly lru: LRUCache<string, Buffer, Render>;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.lru = new LRUCache<string, Buffer, Render>({
      maxSize: maxBytes,
      // lru-cache wants a positive size; an empty PDF still takes an entry.
      sizeCalculation: (pdf) => Math.max(1, pdf.length),
      // fetch() runs the caller's render once per key and hands the same
      // promise to everyone who asks while it runs.
      fetchMethod: (_key, _stale, { context }) => context(),
      // A render whose placeholder is pushed out while it runs still answers its callers.
      ignoreFetchAbort: true,
    });
  }

  /** The cached PDF, or one render shared by every caller asking for the same key at once. */
  async getOrRender(key: string, render: Render): Promise<{ pdf: Buffer; cached: boolean }> {
    const status: LRUCache.Status<string, Buffer, Render> = {};
    const pdf = await this.lru.fetch(key, { context: render, status });
    if (!pdf) throw new Error(`The PDF for ${key} rendered as nothing`);
    return { pdf, cached: status.fetch === "hit" };
  }
}
