import { z } from "zod";

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address" })),
  password: z.string().min(1, { error: "Enter your password" }).max(200),
  callbackUrl: z.string().optional(),
});

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeCallback(url: string | undefined | null): string {
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return "/";
  return url;
}
