"use client";

import { lazy } from "react";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { MobileNavButton } from "./mobile-nav-button";
import type { NavItem } from "./nav-config";

const loadSheet = () => import("./mobile-nav-sheet");
const MobileNavSheet = lazy(() => loadSheet().then((m) => ({ default: m.MobileNavSheet })));

/** The navigation drawer on narrow screens: a plain button until first used, then the Radix sheet (see components/ui/deferred-popup.tsx). */
export function MobileNav({ items, area }: { items: NavItem[]; area: string }) {
  return <DeferredPopup load={loadSheet} trigger={(props) => <MobileNavButton {...props} />} popup={(trigger) => <MobileNavSheet items={items} area={area} trigger={trigger} />} />;
}
