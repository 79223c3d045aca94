/**
 * Cache-Control for a file whose address carries its version (the icon
 * sprite, the invoice stylesheet): kept a year in a build, where a change
 * makes a new address. In `next dev` the version is worked out once, when
 * next.config.mjs loads, so an edit keeps the old address: there the browser
 * asks again every time.
 */
export const versionedFileCacheControl = process.env.NODE_ENV === "development" ? "no-cache" : "public, max-age=31536000, immutable";
