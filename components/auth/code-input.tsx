"use client";

import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/** The 6-digit code field: numeric keypad on phones, and the OS offers the texted code (one-time-code). */
export function CodeInput({ className, ...props }: Omit<React.ComponentProps<typeof Input>, "type" | "inputMode" | "autoComplete">) {
  return (
    <Input
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      placeholder="123456"
      className={cn("max-w-48 text-center font-mono text-lg tracking-[0.4em] md:text-lg", className)}
      {...props}
    />
  );
}
