"use client";

import { lazy } from "react";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { UserMenuButton } from "./user-menu-button";

const loadPopup = () => import("./user-menu-popup");
const UserMenuPopup = lazy(() => loadPopup().then((m) => ({ default: m.UserMenuPopup })));

/** The account menu: a plain button until first used, then the Radix menu (see components/ui/deferred-popup.tsx). */
export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  return (
    <DeferredPopup
      load={loadPopup}
      trigger={(props) => <UserMenuButton name={name} {...props} />}
      popup={(trigger) => <UserMenuPopup name={name} email={email} roleLabel={roleLabel} trigger={trigger} />}
    />
  );
}
