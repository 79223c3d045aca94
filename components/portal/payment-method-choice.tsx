"use client";

import { Icon } from "@/components/ui/icon";
import type { IconName } from "@/components/ui/icon-sprite";
import type { ClientPaymentMethod } from "@/lib/validation/portal";
import { cn } from "@/lib/utils";

const options: { value: ClientPaymentMethod; label: string; detail: string; icon: IconName }[] = [
  { value: "card", label: "Card", detail: "Paid at once, online.", icon: "credit-card" },
  { value: "bank_transfer", label: "Bank transfer", detail: "We confirm it when the money arrives.", icon: "landmark" },
  { value: "cash", label: "Cash", detail: "Pay in person; we confirm it then.", icon: "banknote" },
];

/** Card, bank transfer or cash as a radio group (native radios, styled as stacked tiles). */
export function PaymentMethodChoice({ name, value, onChange, legend = "Payment method" }: { name: string; value: ClientPaymentMethod; onChange: (v: ClientPaymentMethod) => void; legend?: string }) {
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="grid gap-2">
        {options.map(({ value: v, label, detail, icon }) => (
          <label
            key={v}
            className={cn(
              "flex cursor-pointer items-start gap-2 rounded-md border p-3 text-sm transition-colors hover:bg-accent/50",
              "has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
            )}
          >
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} className="mt-0.5 size-4 accent-[hsl(var(--primary))]" />
            <Icon name={icon} className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
            <span className="grid gap-0.5">
              <span className="font-medium">{label}</span>
              <span className="text-xs text-muted-foreground">{detail}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
