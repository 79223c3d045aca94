"use client";

import { Icon } from "@/components/ui/icon";
import { cn } from "@/lib/utils";

const options = [
  { value: "sms", title: "Password and a texted code", detail: "Recommended. Each sign-in also asks for a 6-digit code we text to your phone.", icon: "message-square-lock" },
  { value: "none", title: "Password only", detail: "You can turn on codes later in your profile.", icon: "key-round" },
] as const;

/** Native radios in a fieldset, styled as cards: keyboard and screen readers get a plain radio group. */
export function SignInMethodChoice({ name, defaultValue = "sms", error }: { name: string; defaultValue?: string; error?: string[] }) {
  return (
    <fieldset className="grid gap-2" aria-describedby={error?.[0] ? `${name}-error` : undefined}>
      <legend className="mb-2 text-sm font-medium">How do you want to sign in?</legend>
      {options.map(({ value, title, detail, icon }) => (
        <label
          key={value}
          className={cn(
            "flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm transition-colors hover:bg-accent/50",
            "has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
          )}
        >
          <input type="radio" name={name} value={value} defaultChecked={defaultValue === value} className="mt-0.5 size-4 accent-[hsl(var(--primary))]" />
          <Icon name={icon} className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
          <span className="grid gap-0.5">
            <span className="font-medium">{title}</span>
            <span className="text-muted-foreground">{detail}</span>
          </span>
        </label>
      ))}
      {error?.[0] && (
        <p id={`${name}-error`} className="text-sm text-destructive">
          {error[0]}
        </p>
      )}
    </fieldset>
  );
}
