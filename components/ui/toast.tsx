"use client";

import * as React from "react";
import { cva } from "class-variance-authority";
import { X } from "lucide-react";
import { Toast as ToastPrimitive } from "radix-ui";

type ToastVariant = "default" | "success" | "destructive";

type ToastOptions = {
  title: React.ReactNode;
  description?: React.ReactNode;
  variant?: ToastVariant;
};

type ToastItem = ToastOptions & { id: number };

const MAX_VISIBLE = 3;
const DURATION_MS = 5000;

let toasts: ToastItem[] = [];
let nextId = 0;
const listeners = new Set<() => void>();
const noToasts: ToastItem[] = [];

function setToasts(next: ToastItem[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function dismissToast(id: number) {
  setToasts(toasts.filter((t) => t.id !== id));
}

/** Shows a toast in the mounted <Toaster />; returns a handle to dismiss it early. */
function toast(options: ToastOptions) {
  nextId += 1;
  const id = nextId;
  setToasts([...toasts, { ...options, id }].slice(-MAX_VISIBLE));
  return { id, dismiss: () => dismissToast(id) };
}

const toastVariants = cva(
  "group pointer-events-auto relative flex w-full items-start gap-3 overflow-hidden rounded-md border p-4 pr-10 shadow-lg data-[state=open]:animate-fade-in data-[swipe=cancel]:translate-x-0 data-[swipe=move]:translate-x-[var(--radix-toast-swipe-move-x)] data-[swipe=cancel]:transition-transform",
  {
    variants: {
      variant: {
        default: "bg-background text-foreground",
        success: "border-transparent bg-success text-success-foreground",
        destructive: "border-transparent bg-destructive text-destructive-foreground",
      },
    },
    defaultVariants: {
      variant: "default",
    },
  },
);

function Toaster() {
  const items = React.useSyncExternalStore(
    subscribe,
    () => toasts,
    () => noToasts,
  );

  return (
    <ToastPrimitive.Provider duration={DURATION_MS} swipeDirection="right">
      {items.map(({ id, title, description, variant }) => (
        <ToastPrimitive.Root
          key={id}
          // Errors interrupt (assertive); confirmations wait for the screen reader (polite).
          type={variant === "destructive" ? "foreground" : "background"}
          onOpenChange={(open) => {
            if (!open) dismissToast(id);
          }}
          className={toastVariants({ variant })}
        >
          <div className="grid gap-1">
            <ToastPrimitive.Title className="text-sm font-semibold">{title}</ToastPrimitive.Title>
            {description && (
              <ToastPrimitive.Description className="text-sm opacity-90">{description}</ToastPrimitive.Description>
            )}
          </div>
          <ToastPrimitive.Close className="absolute right-2 top-2 rounded-md p-1 opacity-70 transition-opacity hover:opacity-100 focus-visible:opacity-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
            <X className="size-4" aria-hidden="true" />
            <span className="sr-only">Dismiss notification</span>
          </ToastPrimitive.Close>
        </ToastPrimitive.Root>
      ))}
      <ToastPrimitive.Viewport className="fixed top-0 z-[100] m-0 flex max-h-screen w-full list-none flex-col-reverse gap-2 p-4 outline-none sm:bottom-0 sm:right-0 sm:top-auto sm:flex-col md:max-w-[420px]" />
    </ToastPrimitive.Provider>
  );
}

export { Toaster, toast };
export type { ToastOptions, ToastVariant };
