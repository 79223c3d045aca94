import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { Providers } from "@/components/providers";
import { BusinessRegionProvider } from "@/components/phone/business-region";
import { getBusinessTime } from "@/lib/business-time";
import { ViewerTimeProvider } from "@/components/time/viewer-time";
import { now } from "@/lib/clock";
import { APP_NAME, TITLE_TEMPLATE } from "@/lib/page-title";
import { regionFromLocale } from "@/lib/phone";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: APP_NAME, template: TITLE_TEMPLATE },
  description: "Clients, services, invoices and payments for service businesses.",
  // The files live in public/ (scripts/build-icons.mjs renders them from icon.svg).
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

// proxy.ts gives each page request a nonce for its Content-Security-Policy;
// next-themes' inline script needs it. Reading it renders every page per
// request, which a nonce needs anyway (a prerendered page can't carry one).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const viewerZone = await getViewerTimeZone();
  const phoneRegion = regionFromLocale((await getBusinessTime()).locale);
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh font-sans">
        <Providers nonce={nonce}>
          <ViewerTimeProvider timeZone={viewerZone} now={now().getTime()}>
            <BusinessRegionProvider region={phoneRegion}>{children}</BusinessRegionProvider>
          </ViewerTimeProvider>
        </Providers>
      </body>
    </html>
  );
}
