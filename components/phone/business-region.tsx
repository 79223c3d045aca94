"use client";

import { createContext, useContext } from "react";

// The business's country (from settings.locale), for the phone picker's
// default in client components. The root layout provides it on every page,
// so this module must stay light: it imports no phone metadata (lib/phone
// and awesome-phonenumber load only where a phone is typed).

const BusinessRegionContext = createContext<string>("US");

export function BusinessRegionProvider({ region, children }: { region: string; children: React.ReactNode }) {
  return <BusinessRegionContext value={region}>{children}</BusinessRegionContext>;
}

export function useBusinessRegion(): string {
  return useContext(BusinessRegionContext);
}
