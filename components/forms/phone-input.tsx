"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { CountryPicker } from "@/components/phone/country-picker";
import { useBusinessRegion } from "@/components/phone/business-region";
import { examplePhone, isPickerRegion, type PhoneField } from "@/lib/phone-regions";

type PhoneInputProps = {
  id: string;
  name: string;
  /** The stored number, split on the server (lib/phone phoneField). */
  stored?: PhoneField | null;
  /** What came back with a failed submission (the form's values): the typed `phone` and the picker's `phoneCountry`, shown instead of `stored`. */
  returned?: { phone?: string | null; phoneCountry?: string | null } | null;
  invalid?: boolean;
  describedBy?: string;
};

type PhoneModule = typeof import("@/lib/phone");
// The metadata (about 75 kB gzip) comes on first use, once per page: the field draws from the
// countries' table (lib/phone-regions.ts) and the server's split of the stored number until then.
let phoneModule: Promise<PhoneModule> | null = null;
const loadPhone = () => (phoneModule ??= import("@/lib/phone"));

function initialState(stored: PhoneField | null | undefined, returned: PhoneInputProps["returned"], home: string) {
  if (returned && typeof returned.phone === "string") return { region: isPickerRegion(returned.phoneCountry) ? returned.phoneCountry : (stored?.region ?? home), typed: returned.phone, shown: null };
  if (stored) return { region: isPickerRegion(stored.region) ? stored.region : home, typed: stored.national, shown: stored.international };
  return { region: home, typed: "", shown: null };
}

const isInternational = (typed: string) => typed.trim().startsWith("+") || typed.replace(/\D/g, "").startsWith("00");

/**
 * A country picker (the business's country first) and the number as people
 * write it, formatted for that country as it is typed. The form posts the
 * typed number under `name` and the picker's country under `${name}Country`;
 * the server reads them together (lib/validation/phone withPhone). A number
 * typed with "+" or "00" carries its own country. The phone metadata loads
 * when the pointer or focus reaches the field; what is typed before it
 * arrives is formatted when it does.
 */
export function PhoneInput({ id, name, stored, returned, invalid, describedBy }: PhoneInputProps) {
  const home = useBusinessRegion();
  const [initial] = useState(() => initialState(stored, returned, home));
  const [region, setRegion] = useState(initial.region);
  const [typed, setTyped] = useState(initial.typed);
  const [phone, setPhone] = useState<PhoneModule | null>(null);
  const load = () => {
    if (!phone) loadPhone().then(setPhone, () => (phoneModule = null));
  };
  // What was typed before the metadata arrived is formatted when it does (state adjusted during render, not in an effect).
  const [arrived, setArrived] = useState(false);
  if (phone && !arrived) {
    setArrived(true);
    if (typed !== initial.typed) setTyped(phone.formatAsTyped(typed, region));
  }
  const parsed = phone && typed.trim() ? phone.parsePhone(typed, region) : null;
  const international = isInternational(typed);
  // Before the metadata: the stored number's own international form, while it is unchanged.
  const valid = phone ? (parsed?.ok ? phone.formatInternational(parsed.e164) : null) : typed === initial.typed && region === initial.region ? initial.shown : null;
  const format = (text: string) => (phone ? phone.formatAsTyped(text, region) : text);
  const example = examplePhone(region);

  return (
    <div className="grid gap-1.5" onPointerEnter={load}>
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
          placeholder={example ? `e.g. ${example}` : undefined}
          value={typed}
          onFocus={load}
          onChange={(e) => {
            const next = e.target.value;
            // Formats while typing forward; a deletion is kept as typed, so a bracket or dash can be removed.
            setTyped(next.length > typed.length && next.startsWith(typed) ? format(next) : next);
          }}
          onBlur={() => setTyped((t) => format(t))}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          maxLength={40}
        />
      </div>
      {valid && (
        <p className="text-xs text-muted-foreground" aria-live="polite">
          Valid number: <span className="tabular-nums">{valid}</span>
        </p>
      )}
    </div>
  );
}
