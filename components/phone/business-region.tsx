"use client";

import { createContext, useContext } from "react";
import { DEFAULT_PHONE_REGION, formatPhone } from "@/lib/phone";

// The business's country (from settings.locale), for the phone picker's
// default and for showing numbers: national form at home, international abroad.

const BusinessRegionContext = createContext<string>(DEFAULT_PHONE_REGION);

export function BusinessRegionProvider({ region, children }: { region: string; children: React.ReactNode }) {
  return <BusinessRegionContext value={region}>{children}</BusinessRegionContext>;
}

export function useBusinessRegion(): string {
  return useContext(BusinessRegionContext);
}

/** A stored E.164 number as people read it (lib/phone formatPhone), optionally as a tel: link. */
export function PhoneNumber({ value, link = false, className }: { value: string; link?: boolean; className?: string }) {
  const shown = formatPhone(value, useBusinessRegion());
  if (!link) return <span className={className}>{shown}</span>;
  return (
    <a href={`tel:${value}`} className={className}>
      {shown}
    </a>
  );
}
