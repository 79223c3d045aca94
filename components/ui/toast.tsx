"use client";

import { lazy, Suspense, useSyncExternalStore, type ReactNode } from "react";

type ToastVariant = "default" | "success" | "destructive";

type ToastOptions = {
  title: ReactNode;
  description?: ReactNode;
  variant?: ToastVariant;
};

// sonner (11 kB gzip) loads with the first toast, not with every page: most
// page views never show one, and the login page is measured by what it ships.
const loadToaster = () => import("./toaster");
const SonnerToaster = lazy(() => loadToaster().then((m) => ({ default: m.SonnerToaster })));

let requested = false;
const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Where toasts appear; mounted once, in the root providers. Draws nothing until the first toast. */
function Toaster() {
  const show = useSyncExternalStore(
    subscribe,
    () => requested,
    () => false,
  );
  return show ? (
    <Suspense fallback={null}>
      <SonnerToaster />
    </Suspense>
  ) : null;
}

/** Shows a toast in the mounted <Toaster />, loading sonner the first time. */
function toast(options: ToastOptions): void {
  if (!requested) {
    requested = true;
    for (const listener of listeners) listener();
  }
  void loadToaster().then((m) => m.showToast(options));
}

export { Toaster, toast };
export type { ToastOptions, ToastVariant };
