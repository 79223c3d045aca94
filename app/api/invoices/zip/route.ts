import { userWithPermission } from "@/lib/auth/session";
import { getBusinessToday } from "@/lib/business-time";
import { consume } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";
import { invoiceBundle } from "@/lib/pdf/invoice-bundle";
import { notFoundResponse, plainResponse } from "@/lib/http/responses";
import { answerPrinterBusy } from "@/lib/pdf/responses";
import { zipStream } from "@/lib/zip-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_FILES = 100;

/** The ids of ?ids=1,2,3 (or ids repeated), each digits only; anything else is refused, not guessed at. */
function parseIds(values: string[]): { ok: true; ids: number[] } | { ok: false; error: string } {
  const parts = values.flatMap((v) => v.split(","));
  if (parts.length === 0 || (parts.length === 1 && parts[0] === "")) return { ok: false, error: "Select at least one invoice." };
  if (parts.some((p) => !/^[1-9]\d{0,14}$/.test(p))) return { ok: false, error: "Invoice ids are whole numbers, like ?ids=12,15." };
  const ids = [...new Set(parts.map(Number))];
  if (ids.length > MAX_FILES) return { ok: false, error: `Select at most ${MAX_FILES} invoices at a time.` };
  return { ok: true, ids };
}

/**
 * A ZIP of the selected invoices' PDFs (?ids=1,2,3). Staff and admins only;
 * anyone else gets 404. Each user may download pdfBundles ZIPs a day. The
 * PDFs print as bulk work, one at a time behind single-PDF requests, and the
 * ZIP streams out as each one is printed.
 */
export async function GET(request: Request) {
  const user = await userWithPermission("invoices:read");
  if (!user) return notFoundResponse();
  const parsed = parseIds(new URL(request.url).searchParams.getAll("ids"));
  if (!parsed.ok) return plainResponse(400, parsed.error);
  const decision = await consume({ rule: limits.pdfBundles, key: user.id });
  if (!decision.ok) {
    return plainResponse(429, `You can download ${limits.pdfBundles.points} PDF bundles a day. Try again later, or download invoices one at a time.`, {
      "retry-after": String(decision.retryAfterSeconds),
    });
  }
  return answerPrinterBusy(async () => {
    const files = await invoiceBundle(parsed.ids);
    if (!files) return notFoundResponse();
    const stamp = await getBusinessToday();
    return new Response(zipStream(logFailures(files, user.id)), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="invoices-${stamp}.zip"`,
        "cache-control": "private, no-store",
      },
    });
  });
}

/** Once the download has started a failure can only cut it short; the server log says why. */
async function* logFailures<T>(files: AsyncIterable<T>, userId: number): AsyncIterable<T> {
  try {
    yield* files;
  } catch (error) {
    console.error("[invoices zip] failed mid-download", { userId, error });
    throw error;
  }
}
