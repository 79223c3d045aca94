"use client";

import { lazy, useMemo } from "react";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { Icon } from "@/components/ui/icon";
import { phoneRegions } from "@/lib/phone-regions";

export type CountryPickerProps = {
  value: string;
  onChange: (region: string) => void;
  /** Names countries in this language (the page's, English, by default: the server and the browser name them alike). */
  displayLocale?: string;
  disabled?: boolean;
  label?: string;
};

const loadPopup = () => import("./country-picker-popup");
const CountryPickerPopup = lazy(() => loadPopup().then((m) => ({ default: m.CountryPickerPopup })));

/**
 * Every country the phone metadata knows (lib/phone-regions.ts), named with
 * Intl.DisplayNames and shown with its calling code: a button that opens a
 * searchable list. The list (Radix's popover) loads on first use (see
 * components/ui/deferred-popup.tsx), from country-picker-popup.tsx.
 */
export function CountryPicker(props: CountryPickerProps) {
  const { value, displayLocale, disabled, label = "Country" } = props;
  const regions = useMemo(() => phoneRegions(displayLocale ?? "en"), [displayLocale]);
  const current = regions.find((r) => r.region === value);
  return (
    <DeferredPopup
      load={loadPopup}
      trigger={(extra) => (
        <button
          type="button"
          disabled={disabled}
          aria-haspopup="dialog"
          // The name holds the visible "US +1" too (WCAG 2.5.3, label in name), after the country's full name.
          aria-label={`${label}: ${current ? `${current.name}, ${current.region} +${current.callingCode}` : "none"}`}
          className="flex h-10 w-24 shrink-0 items-center justify-between gap-1 rounded-md border border-input bg-background px-2 text-sm ring-offset-background focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-50"
          {...extra}
        >
          <span className="font-medium">{current ? `${current.region} +${current.callingCode}` : "—"}</span>
          <Icon name="chevrons-up-down" className="size-3.5 opacity-50" aria-hidden />
        </button>
      )}
      popup={(trigger) => <CountryPickerPopup {...props} trigger={trigger} />}
    />
  );
}
