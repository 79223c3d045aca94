// Next.js answers 500 when it can't decode a server action's arguments
// (app-render/action-handler.js: a JSON.parse or multipart error is treated
// like a crash in the action), and when a page POST's multipart body doesn't
// parse. This tells those bodies apart before Next reads them, so the
// request proxy can answer 400 (or 413) instead. It checks the syntax only:
// a well-formed payload that references parts it doesn't have still reaches
// Next, and our actions answer a wrong shape with form state.

/** Next's default serverActions.bodySizeLimit (1 MB). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

const plain = (status: 400 | 413, message: string) => new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A 400 or 413 response for a POST body Next.js would fail on with a 500, or
 * null to let the request through. Reads a clone, so the body still reaches Next.
 */
export async function refuseUndecodableBody(request: Request, limitBytes = ACTION_BODY_LIMIT_BYTES): Promise<Response | null> {
  if (request.method !== "POST") return null;
  const isAction = request.headers.has("next-action");
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const multipart = type.startsWith("multipart/form-data");
  if (!isAction && !multipart) return null;
  const declared = Number(request.headers.get("content-length"));
  if (isAction && declared > limitBytes) return plain(413, "Request body too large.");
  if (multipart) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return plain(400, "Malformed form data.");
    }
    // An action's arguments arrive as numbered parts of JSON ("0", "1", ...); other parts are plain form fields.
    if (isAction) for (const [key, value] of form) if (/^\d+$/.test(key) && typeof value === "string" && !isJson(value)) return plain(400, "Malformed server action arguments.");
    return null;
  }
  const body = await request.clone().arrayBuffer();
  if (body.byteLength > limitBytes) return plain(413, "Request body too large.");
  return isJson(new TextDecoder().decode(body)) ? null : plain(400, "Malformed server action arguments.");
}
