import { z } from "zod";
import { oneLine } from "./fields";

export const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter a valid email address" })),
  password: oneLine(200, "Enter your password").pipe(z.string().min(1, { error: "Enter your password" })),
  // Not refused, dropped: safeCallback() turns anything but a same-origin path
  // into "/", so an odd callback costs the deep link, never the sign-in.
  callbackUrl: z.string({ error: "Sign in again from the sign-in page" }).optional(),
});

/** Longer than any page of ours with its filters; a longer callback is dropped. */
export const CALLBACK_MAX_LENGTH = 2048;

// A stand-in origin for parsing. Only its sameness matters: a callback that
// parses to any other origin leaves ours.
const BASE = new URL("http://callback.invalid");

// Browsers drop tabs and line breaks while parsing a URL and read "\" as "/",
// so "/\t/evil" and "/\evil" become "//evil", another host. Other control
// characters can't be typed in an address bar and break a Location header.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * Where to go after sign-in: the callback's own path, search and hash when it
 * is a path on our origin once parsed the way the browser parses it (WHATWG
 * URL), else "/", which sends each role to its home. Used by the login page,
 * the login action and the two-step sign-in (when the challenge is made and
 * again when it is read).
 */
export function safeCallback(url: unknown): string {
  if (typeof url !== "string" || !url.startsWith("/") || url.length > CALLBACK_MAX_LENGTH || UNSAFE.test(url)) return "/";
  let parsed: URL;
  try {
    parsed = new URL(url, BASE);
  } catch {
    return "/";
  }
  if (parsed.origin !== BASE.origin) return "/";
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // Dot segments can leave "//host" behind ("/..//evil"): as a Location, that is another origin.
  return path.startsWith("//") ? "/" : path;
}
