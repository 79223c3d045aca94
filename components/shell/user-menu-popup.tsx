"use client";

import { usePathname } from "next/navigation";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { logout } from "@/lib/actions/auth/logout";

/** The account menu itself (Radix, loaded on first use by user-menu.tsx), open from the start because the person clicked; `trigger` is that same button. */
export function UserMenuPopup({ name, email, roleLabel, trigger }: { name: string; email: string; roleLabel: string; trigger: React.ReactElement }) {
  // The menu only renders inside a role area (/admin, /staff, /portal), each with its own profile page.
  const profileHref = `/${usePathname().split("/")[1]}/profile`;
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="font-normal">
          <div className="truncate text-sm font-medium">{name}</div>
          <div className="truncate text-xs text-muted-foreground">{email}</div>
          <div className="mt-1 text-xs text-muted-foreground">{roleLabel}</div>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <IntentLink href={profileHref}>
            <Icon name="user" aria-hidden="true" />
            Profile
          </IntentLink>
        </DropdownMenuItem>
        {/* Called directly: a <form> inside the menu is unmounted as the menu closes, before it can submit. */}
        <DropdownMenuItem onSelect={() => void logout(undefined, {})}>
          <Icon name="log-out" aria-hidden="true" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
