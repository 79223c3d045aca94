"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { callingCodes, composePhone, splitPhone } from "@/lib/phone";

type PhoneInputProps = {
  id: string;
  name: string;
  defaultValue?: string | null;
  invalid?: boolean;
  describedBy?: string;
};

/**
 * A country picker and the number as people write it ("(555) 123-4567",
 * "07700 900123"). The form posts one E.164 value under `name`; typing a
 * number that starts with "+" overrides the picker.
 */
export function PhoneInput({ id, name, defaultValue, invalid, describedBy }: PhoneInputProps) {
  const initial = splitPhone(defaultValue);
  const [country, setCountry] = useState(initial.country);
  const [typed, setTyped] = useState(initial.national);
  const value = composePhone(country, typed);
  return (
    <div className="grid gap-1.5">
    <div className="flex gap-2">
      <Select aria-label="Country code" wrapperClassName="w-28 shrink-0" value={country} onChange={(e) => setCountry(e.target.value)} disabled={typed.trim().startsWith("+")}>
        {callingCodes.map((c) => (
          <option key={c.country} value={c.country}>
            {c.country} +{c.dial}
          </option>
        ))}
      </Select>
      <Input
        id={id}
        type="tel"
        inputMode="tel"
        autoComplete="tel-national"
        placeholder="555 123 4567"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
      <input type="hidden" name={name} value={value} />
    </div>
      {value && (
        <p className="text-xs text-muted-foreground" aria-live="polite">
          Saved as <span className="font-mono">{value}</span>
        </p>
      )}
    </div>
  );
}
