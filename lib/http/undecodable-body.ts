// Next.js answers 500 when it can't decode a server action's arguments
// (app-render/action-handler.js: a JSON.parse or multipart error is treated
// like a crash in the action), and when a page POST's multipart body doesn't
// parse. This tells those bodies apart before Next reads them, so the
// request proxy can answer 400 (or 413) instead. Beyond the syntax it checks
// one thing of React's reply format: a "$…" string that points at another
// part (React's decodeReply waits for that part, and a missing one ends in
// "Connection closed", a 500) must point at a part the body has. Our actions
// answer a well-formed payload of the wrong shape with form state.

/** Next's default serverActions.bodySizeLimit (1 MB). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

const plain = (status: 400 | 413, message: string) => new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

// React reply strings that carry their value inline ("$$" escapes a dollar,
// "$undefined", "$Infinity", "$-0", "$NaN", "$D<date>", "$n<bigint>", "$T" a
// temporary reference, "$K" form fields by prefix, "$H"): everything else
// after a "$" names a part by its hex id (reference.split(":")[0]).
const INLINE_TAGS = new Set(["$", "u", "I", "-", "N", "D", "n", "T", "K", "H"]);

/** The parts (decimal keys, as React looks them up) that the strings in a decoded value point at; null when one can't point anywhere. */
function referencedParts(value: unknown, found: Set<string> = new Set()): Set<string> | null {
  if (typeof value === "string") {
    if (value[0] !== "$") return found;
    const tag = value[1];
    if (tag !== undefined && INLINE_TAGS.has(tag)) return found;
    const rest = tag !== undefined && /[0-9a-f]/i.test(tag) ? value.slice(1) : value.slice(2);
    const hex = rest.split(":")[0] ?? "";
    if (!/^[0-9a-f]{1,8}$/i.test(hex)) return null;
    found.add(String(parseInt(hex, 16)));
    return found;
  }
  if (value && typeof value === "object") {
    for (const item of Array.isArray(value) ? value : Object.values(value)) if (!referencedParts(item, found)) return null;
  }
  return found;
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
    if (!isAction) return null;
    // An action's arguments arrive as numbered parts of JSON ("0", "1", ...); other parts are plain form fields or files.
    for (const [key, value] of form) {
      if (!/^\d+$/.test(key) || typeof value !== "string") continue;
      const parsed = parseJson(value);
      const refs = parsed.ok ? referencedParts(parsed.value) : null;
      if (!refs || [...refs].some((part) => !form.has(part))) return plain(400, "Malformed server action arguments.");
    }
    return null;
  }
  const body = await request.clone().arrayBuffer();
  if (body.byteLength > limitBytes) return plain(413, "Request body too large.");
  // A body that isn't multipart has no other parts, so it may point at none.
  const parsed = parseJson(new TextDecoder().decode(body));
  const refs = parsed.ok ? referencedParts(parsed.value) : null;
  return refs && refs.size === 0 ? null : plain(400, "Malformed server action arguments.");
}
