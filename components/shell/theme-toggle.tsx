"use client";

import { useTheme } from "next-themes";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";

/**
 * The server can't know the theme (it is in the browser's storage), and React
 * keeps a server-rendered attribute that differs at hydration, so the label
 * names the next theme only once the page runs in the browser; the icons
 * follow the `.dark` class from the first paint.
 */
export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  const hydrated = useHydrated();
  const next = resolvedTheme === "dark" ? "light" : "dark";
  const label = hydrated && resolvedTheme ? `Switch to ${next} mode` : "Switch between light and dark mode";
  return (
    <Button variant="ghost" size="icon" onClick={() => setTheme(next)} aria-label={label} title={label}>
      <Icon name="sun" className="hidden dark:block" aria-hidden="true" />
      <Icon name="moon" className="block dark:hidden" aria-hidden="true" />
    </Button>
  );
}
