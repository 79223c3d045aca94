"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { CountryPicker } from "@/components/phone/country-picker";
import { useBusinessRegion } from "@/components/phone/business-region";
import { formatAsTyped, formatInternational, isPhoneRegion, parsePhone, phoneExample, splitPhone } from "@/lib/phone";

type PhoneInputProps = {
  id: string;
  name: string;
  /** A stored E.164 number, or what was typed when a submission came back with errors. */
  defaultValue?: string | null;
  /** The picker's country that came back with a failed submission. */
  defaultCountry?: string | null;
  invalid?: boolean;
  describedBy?: string;
};

function initialState(defaultValue: string | null | undefined, defaultCountry: string | null | undefined, home: string) {
  if (isPhoneRegion(defaultCountry)) return { region: defaultCountry, typed: defaultValue ?? "" };
  const split = splitPhone(defaultValue, home);
  return { region: split.region, typed: split.national };
}

/**
 * A country picker (the business's country first) and the number as people
 * write it, formatted for that country as it is typed. The form posts the
 * typed number under `name` and the picker's country under `${name}Country`;
 * the server reads them together (lib/validation/fields withPhone). A number
 * typed with "+" or "00" carries its own country.
 */
export function PhoneInput({ id, name, defaultValue, defaultCountry, invalid, describedBy }: PhoneInputProps) {
  const home = useBusinessRegion();
  const [initial] = useState(() => initialState(defaultValue, defaultCountry, home));
  const [region, setRegion] = useState(initial.region);
  const [typed, setTyped] = useState(initial.typed);
  const parsed = typed.trim() ? parsePhone(typed, region) : null;
  const international = typed.trim().startsWith("+") || typed.replace(/\D/g, "").startsWith("00");

  return (
    <div className="grid gap-1.5">
      <div className="flex min-w-0 gap-2">
        {/* A "+" number names its own country, which the picker then shows. */}
        <CountryPicker label="Phone country" value={international && parsed?.ok ? parsed.region : region} onChange={setRegion} disabled={international} />
        <input type="hidden" name={`${name}Country`} value={region} />
        <Input
          id={id}
          name={name}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          className="min-w-0"
          placeholder={`e.g. ${phoneExample(region)}`}
          value={typed}
          onChange={(e) => {
            const next = e.target.value;
            // Formats while typing forward; a deletion is kept as typed, so a bracket or dash can be removed.
            setTyped(next.length > typed.length && next.startsWith(typed) ? formatAsTyped(next, region) : next);
          }}
          onBlur={() => setTyped((t) => formatAsTyped(t, region))}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          maxLength={40}
        />
      </div>
      {parsed?.ok && (
        <p className="text-xs text-muted-foreground" aria-live="polite">
          Valid number: <span className="tabular-nums">{formatInternational(parsed.e164)}</span>
        </p>
      )}
    </div>
  );
}
