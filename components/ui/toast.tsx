"use client";

import type { CSSProperties, ReactNode } from "react";
import { useTheme } from "next-themes";
import { Toaster as Sonner, toast as sonner } from "sonner";

type ToastVariant = "default" | "success" | "destructive";

type ToastOptions = {
  title: ReactNode;
  description?: ReactNode;
  variant?: ToastVariant;
};

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

/** Where toasts appear; mounted once, in the root providers. */
function Toaster() {
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

/** Shows a toast in the mounted <Toaster />; returns a handle to dismiss it early. */
function toast({ title, description, variant = "default" }: ToastOptions) {
  const show = variant === "success" ? sonner.success : variant === "destructive" ? sonner.error : sonner;
  const id = show(title, { description });
  return { id, dismiss: () => sonner.dismiss(id) };
}

export { Toaster, toast };
export type { ToastOptions, ToastVariant };
