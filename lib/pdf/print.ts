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

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, " ")}"`;
}

/**
 * A complete, self-contained HTML page around a rendered document: fonts and
 * CSS inline, nothing to fetch. A4 pages with the document's name and "Page
 * n of N" in the bottom margin, drawn by CSS margin boxes (cheaper than
 * Chromium's header/footer templates).
 */
export function pdfHtmlPage(bodyHtml: string, title: string, footerLabel = title): string {
  const footerFont = `font-family:"Invoice Sans","Liberation Sans",Arial,sans-serif;font-size:7.5pt;color:#64748b`;
  const page = `@page{size:A4;margin:14mm 14mm 16mm;@bottom-left{content:${cssString(footerLabel)};${footerFont};vertical-align:top;padding-top:4mm}@bottom-right{content:"Page " counter(page) " of " counter(pages);${footerFont};vertical-align:top;padding-top:4mm}}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${embeddedFontCss()}${page}html,body{margin:0;background:#fff}body .invoice-doc{padding:0}body .invoice-doc .doc-stamp{top:84px;right:4px}body .invoice-doc .doc-footer{display:none}</style></head><body>${bodyHtml}</body></html>`;
}

const DISCONNECTED = /Target closed|Session closed|Connection closed|browser has disconnected|Protocol error/i;

/**
 * Prints a self-contained HTML page to a PDF on a pooled page. The page size
 * and margins come from the page's CSS. It asks DevTools for the PDF in one
 * message rather than as a stream, which saves round trips on small files.
 * If the browser dies mid-print, it runs once more on a fresh browser.
 */
export async function printPdf(html: string, pool: BrowserPool = getPdfPool()): Promise<Buffer> {
  for (let attempt = 1; ; attempt++) {
    const generation = pool.currentGeneration();
    try {
      return await pool.withPage(async (page, cdp) => {
        await page.setContent(html, { waitUntil: "load", timeout: 20_000 });
        // Web fonts finish loading before anything is drawn.
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const { data } = await cdp.send("Page.printToPDF", {
          printBackground: true,
          preferCSSPageSize: true,
          // Tagging adds an accessibility structure pass to every print; the text stays selectable without it.
          generateTaggedPDF: false,
          transferMode: "ReturnAsBase64",
        });
        return Buffer.from(data, "base64");
      });
    } catch (error) {
      const crashed = pool.isStale(generation) || (error instanceof Error && DISCONNECTED.test(error.message));
      if (attempt >= 2 || !crashed) throw error;
    }
  }
}
