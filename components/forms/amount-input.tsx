"use client";

import type * as React from "react";
import { Input } from "@/components/ui/input";
import { formatAmountInput, parseMoney } from "@/lib/money";

type Props = Omit<React.ComponentProps<"input">, "type" | "inputMode"> & {
  currency: string;
  /** The business's locale: its separators are the ones read and written. */
  locale: string;
  /** For a controlled field: the reformatted text on blur. An uncontrolled field is rewritten in place. */
  onValueChange?: (value: string) => void;
};

/**
 * An amount field. When the person leaves it, an amount that reads in the
 * business's locale is rewritten the way the locale writes it ("1234,5" →
 * "1.234,50" in de-DE); one that doesn't is left exactly as typed, so the
 * field error names what is wrong with what they typed.
 */
export function AmountInput({ currency, locale, onValueChange, onBlur, className, ...props }: Props) {
  function reformat(event: React.FocusEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const parsed = input.value.trim() ? parseMoney(input.value, currency, locale) : null;
    if (parsed?.ok) {
      const formatted = formatAmountInput(parsed.minor, currency, locale);
      if (formatted !== input.value) {
        if (onValueChange) onValueChange(formatted);
        else input.value = formatted;
      }
    }
    onBlur?.(event);
  }
  return <Input {...props} type="text" inputMode="decimal" autoComplete={props.autoComplete ?? "off"} className={className ? `tabular-nums ${className}` : "tabular-nums"} onBlur={reformat} />;
}
