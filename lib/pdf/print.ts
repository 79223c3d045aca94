import "server-only";
import { env } from "@/lib/env";
import { BrowserPool, launchChromium } from "./browser-pool";
import { embeddedFontCss } from "./fonts";

const store = globalThis as unknown as { __clientdeskPdfPool?: BrowserPool };

/** This process's pool: one lazily launched Chromium, PDF_POOL_SIZE pages. */
export function getPdfPool(): BrowserPool {
  store.__clientdeskPdfPool ??= new BrowserPool(env().PDF_POOL_SIZE, () => launchChromium(env().CHROMIUM_PATH));
  return store.__clientdeskPdfPool;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A complete, self-contained HTML page around a rendered document: fonts and CSS inline, nothing to fetch. */
export function pdfHtmlPage(bodyHtml: string, title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${embeddedFontCss()}@page{size:A4}html,body{margin:0;background:#fff}.invoice-doc{padding:0}.invoice-doc .doc-stamp{top:84px;right:4px}</style></head><body>${bodyHtml}</body></html>`;
}

function footerTemplate(label: string): string {
  // Header and footer templates can't use the page's fonts or CSS, so they carry their own.
  return `<div style="width:100%;padding:0 14mm;font-family:'Liberation Sans',Arial,sans-serif;font-size:8px;color:#64748b;display:flex;justify-content:space-between"><span>${escapeHtml(label)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

const DISCONNECTED = /Target closed|Session closed|Connection closed|browser has disconnected|Protocol error/i;

/**
 * Prints a self-contained HTML page to an A4 PDF on a pooled page, with a
 * footer that names the document and numbers the pages. If the browser dies
 * mid-print, it runs once more on a fresh browser.
 */
export async function printPdf(html: string, footerLabel: string, pool: BrowserPool = getPdfPool()): Promise<Buffer> {
  for (let attempt = 1; ; attempt++) {
    const generation = pool.currentGeneration();
    try {
      return await pool.withPage(async (page) => {
        await page.setContent(html, { waitUntil: "load", timeout: 20_000 });
        const pdf = await page.pdf({
          format: "A4",
          printBackground: true,
          margin: { top: "14mm", bottom: "16mm", left: "14mm", right: "14mm" },
          displayHeaderFooter: true,
          headerTemplate: "<span></span>",
          footerTemplate: footerTemplate(footerLabel),
          timeout: 30_000,
        });
        return Buffer.from(pdf);
      });
    } catch (error) {
      const crashed = pool.isStale(generation) || (error instanceof Error && DISCONNECTED.test(error.message));
      if (attempt >= 2 || !crashed) throw error;
    }
  }
}
