import { iconSprite } from "@/components/ui/icon-sprite";
import { versionedFileCacheControl } from "@/lib/versioned-file";

// Written once, at build time: the icons don't change between requests.
export const dynamic = "force-static";

/**
 * Every icon pages draw with <Icon>, as one SVG sprite. Its address carries a
 * version (CLIENTDESK_ICON_SPRITE in next.config.mjs, from the icon list and lucide's
 * version), so browsers may keep it for a year and a deploy with other icons
 * asks for a new one.
 */
export function GET(): Response {
  return new Response(iconSprite(), {
    headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": versionedFileCacheControl },
  });
}
