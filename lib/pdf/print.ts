import "server-only";
import type { Page } from "puppeteer-core";
import { env, type Env } from "@/lib/env";
import { BrowserPool, type PrintPriority } from "./browser-pool";
import { launchChromium } from "./chromium";
import { embeddedFontCss } from "./fonts";
import { PrinterUnavailableError } from "./printer-errors";

/** A document to print: rendered body markup (with its own <style>), a title, and the label in each page's footer. */
export type PrintableDocument = { title: string; footerLabel: string; bodyHtml: string };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, " ")}"`;
}

const BASE_CSS = "html,body{margin:0;background:#fff}body .invoice-doc{padding:0}body .invoice-doc .doc-stamp{top:84px;right:4px}body .invoice-doc .doc-footer{display:none}";

/**
 * A4 pages with the document's name and "Page n of N" in the bottom margin,
 * drawn by CSS margin boxes (cheaper than Chromium's header/footer templates).
 */
function pageCss(footerLabel: string): string {
  const font = `font-family:"Invoice Sans","Liberation Sans",Arial,sans-serif;font-size:7.5pt;color:#64748b;vertical-align:top;padding-top:4mm`;
  return `@page{size:A4;margin:14mm 14mm 16mm;@bottom-left{content:${cssString(footerLabel)};${font}}@bottom-right{content:"Page " counter(page) " of " counter(pages);${font}}}`;
}

/** The complete, self-contained HTML page for a document: fonts and CSS inline, nothing to fetch. */
export function pdfHtmlPage(doc: PrintableDocument): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>${embeddedFontCss()}${BASE_CSS}</style><style>${pageCss(doc.footerLabel)}</style></head><body>${doc.bodyHtml}</body></html>`;
}

// Each pooled page keeps this shell loaded (fonts resolved, base CSS parsed);
// a print swaps in the document's title, page rules and body.
const SHELL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title></title><style>${"__FONTS__"}${BASE_CSS}</style><style id="page-rules"></style></head><body></body></html>`;

async function loadShell(page: Page): Promise<void> {
  await page.setContent(SHELL.replace("__FONTS__", embeddedFontCss()), { waitUntil: "load" });
}

const store = globalThis as unknown as { __clientdeskPdfPool?: BrowserPool };

/** This process's pool: one lazily launched Chromium, PDF_POOL_SIZE pages. */
export function getPdfPool(): BrowserPool {
  store.__clientdeskPdfPool ??= createPrintPool(env());
  return store.__clientdeskPdfPool;
}

export type PrinterSettings = Pick<Env, "CHROMIUM_PATH" | "PDF_POOL_SIZE" | "PDF_ACQUIRE_TIMEOUT_MS" | "PDF_PRINT_TIMEOUT_MS" | "PDF_PAGE_MAX_PRINTS">;

export function createPrintPool(settings: PrinterSettings): BrowserPool {
  return new BrowserPool({
    size: settings.PDF_POOL_SIZE,
    launch: () => launchChromium(settings.CHROMIUM_PATH),
    prepare: loadShell,
    acquireTimeoutMs: settings.PDF_ACQUIRE_TIMEOUT_MS,
    printTimeoutMs: settings.PDF_PRINT_TIMEOUT_MS,
    maxPrintsPerPage: settings.PDF_PAGE_MAX_PRINTS,
  });
}

export type PrintOptions = { pool?: BrowserPool; priority?: PrintPriority };

const DISCONNECTED = /Target closed|Session closed|Connection closed|browser has disconnected|Protocol error|Execution context was destroyed/i;

/**
 * Prints a document to a PDF on a pooled page: the same static markup as
 * pdfHtmlPage(), swapped into the page's loaded shell rather than loaded as a
 * new page, which skips a navigation per print. The swap is a DevTools
 * evaluation, which runs with the page's own scripts disabled; the markup it
 * inserts runs no script or handler. Images (a data: logo) are decoded and
 * fonts ready before printing. The PDF comes back in one DevTools message
 * rather than as a stream. If the browser dies mid-print, it runs once more
 * on a fresh browser; a busy or stuck printer is reported, not retried.
 */
export async function printPdf(doc: PrintableDocument, { pool = getPdfPool(), priority = "interactive" }: PrintOptions = {}): Promise<Buffer> {
  for (let attempt = 1; ; attempt++) {
    const generation = pool.currentGeneration();
    try {
      return await pool.withPage(
        async (page, cdp) => {
          await page.evaluate(
            (title: string, rules: string, body: string) => {
              document.title = title;
              document.getElementById("page-rules")!.textContent = rules;
              document.body.innerHTML = body;
              const images = Array.from(document.images, (img) => img.decode().catch(() => undefined));
              return Promise.all([...images, document.fonts.ready]).then(() => undefined);
            },
            doc.title,
            pageCss(doc.footerLabel),
            doc.bodyHtml,
          );
          const { data } = await cdp.send("Page.printToPDF", {
            printBackground: true,
            preferCSSPageSize: true,
            // Tagging adds an accessibility structure pass to every print; the text stays selectable without it.
            generateTaggedPDF: false,
            transferMode: "ReturnAsBase64",
          });
          return Buffer.from(data, "base64");
        },
        { priority },
      );
    } catch (error) {
      const crashed = pool.isStale(generation) || (error instanceof Error && DISCONNECTED.test(error.message));
      if (attempt >= 2 || !crashed || error instanceof PrinterUnavailableError) throw error;
    }
  }
}
