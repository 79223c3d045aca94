"use client";

import { useState } from "react";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import type { NavItem } from "./nav-config";
import { NavLinks } from "./nav-links";

/** The navigation drawer itself (Radix, loaded on first use by mobile-nav.tsx), open from the start because the person clicked; `trigger` is that same button. */
export function MobileNavSheet({ items, area, trigger }: { items: NavItem[]; area: string; trigger: React.ReactElement }) {
  const [open, setOpen] = useState(true);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>{trigger}</SheetTrigger>
      <SheetContent side="left" className="w-72">
        <SheetHeader>
          <SheetTitle>ClientDesk</SheetTitle>
          <SheetDescription>{area}</SheetDescription>
        </SheetHeader>
        <nav aria-label="Main">
          <NavLinks items={items} onNavigate={() => setOpen(false)} />
        </nav>
      </SheetContent>
    </Sheet>
  );
}
