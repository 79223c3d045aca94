"use client";

import type { CSSProperties } from "react";
import { useTheme } from "next-themes";
import { Toaster as Sonner, toast as sonner } from "sonner";
import type { ToastOptions } from "./toast";

const DURATION_MS = 5000;

// Sonner reads its colours from these variables; ours switch with the .dark
// class, so a toast matches the page in either theme.
const TOKENS = {
  "--normal-bg": "hsl(var(--popover))",
  "--normal-text": "hsl(var(--popover-foreground))",
  "--normal-border": "hsl(var(--border))",
  "--success-bg": "hsl(var(--success))",
  "--success-text": "hsl(var(--success-foreground))",
  "--success-border": "hsl(var(--success))",
  "--error-bg": "hsl(var(--destructive))",
  "--error-text": "hsl(var(--destructive-foreground))",
  "--error-border": "hsl(var(--destructive))",
  "--border-radius": "var(--radius)",
  fontFamily: "inherit",
} as CSSProperties;

/** sonner's Toaster in our colours and theme; components/ui/toast.tsx mounts it once a toast is shown. */
export function SonnerToaster() {
  const { resolvedTheme } = useTheme();
  return (
    <Sonner
      theme={resolvedTheme === "dark" ? "dark" : "light"}
      richColors
      closeButton
      duration={DURATION_MS}
      style={TOKENS}
      // Sonner's own stylesheet sets the title's weight, so ours needs !important.
      toastOptions={{ closeButtonAriaLabel: "Dismiss notification", classNames: { title: "text-sm !font-semibold", description: "text-sm" } }}
    />
  );
}

/** Shows a toast; the SonnerToaster draws it (a toast raised before it subscribes is replayed). */
export function showToast({ title, description, variant = "default" }: ToastOptions): void {
  const show = variant === "success" ? sonner.success : variant === "destructive" ? sonner.error : sonner;
  show(title, { description });
}
