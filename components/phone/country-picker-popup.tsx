"use client";

import { useId, useMemo, useRef, useState } from "react";
import { Popover } from "radix-ui";
import { Icon } from "@/components/ui/icon";
import { phoneRegions, type PhoneRegion } from "@/lib/phone-regions";
import { cn } from "@/lib/utils";
import type { CountryPickerProps } from "./country-picker";

function matches(r: PhoneRegion, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/^\+/, "");
  if (!q) return true;
  return r.name.toLowerCase().includes(q) || r.region.toLowerCase() === q || String(r.callingCode).startsWith(q);
}

/**
 * The country picker's searchable list (type a name, a code like "GB" or a
 * calling code like "44"; arrows move, Enter picks, Escape closes), the
 * combobox pattern, so screen readers follow. Loaded on first use by
 * country-picker.tsx, open from the start because the person clicked;
 * `trigger` is that same button.
 */
export function CountryPickerPopup({ value, onChange, displayLocale, label = "Country", trigger }: CountryPickerProps & { trigger: React.ReactElement }) {
  const regions = useMemo(() => phoneRegions(displayLocale ?? "en"), [displayLocale]);
  // The list opens on the chosen country.
  const chosenIndex = () =>
    Math.max(
      0,
      regions.findIndex((r) => r.region === value),
    );
  const [open, setOpen] = useState(true);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(chosenIndex);
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => regions.filter((r) => matches(r, query)), [regions, query]);

  const pick = (r: PhoneRegion | undefined) => {
    if (!r) return;
    onChange(r.region);
    setOpen(false);
  };
  const move = (to: number) => {
    const next = Math.max(0, Math.min(shown.length - 1, to));
    setActive(next);
    listRef.current?.children[next]?.scrollIntoView({ block: "nearest" });
  };

  return (
    // Modal, so the list scrolls and takes focus inside a dialog too (the staff edit dialog).
    <Popover.Root
      modal
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setQuery("");
          setActive(chosenIndex());
        }
      }}
    >
      <Popover.Trigger asChild>{trigger}</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          className="z-50 w-[min(20rem,calc(100vw-2rem))] rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            searchRef.current?.focus();
            requestAnimationFrame(() => listRef.current?.children[active]?.scrollIntoView({ block: "nearest" }));
          }}
        >
          <input
            ref={searchRef}
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={shown[active] ? `${listId}-${shown[active].region}` : undefined}
            aria-label={`Search ${label.toLowerCase()}`}
            placeholder="Search country or code"
            autoComplete="off"
            className="mb-1 h-9 w-full rounded-sm border border-input bg-background px-2 text-base md:text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") move(active + 1);
              else if (e.key === "ArrowUp") move(active - 1);
              else if (e.key === "Home") move(0);
              else if (e.key === "End") move(shown.length - 1);
              else if (e.key === "Enter") pick(shown[active]);
              else return;
              e.preventDefault();
            }}
          />
          <ul ref={listRef} id={listId} role="listbox" aria-label={label} className="max-h-64 overflow-y-auto">
            {shown.map((r, i) => (
              <li
                key={r.region}
                id={`${listId}-${r.region}`}
                role="option"
                aria-selected={r.region === value}
                className={cn("flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm", i === active && "bg-accent text-accent-foreground")}
                onMouseMove={() => setActive(i)}
                onClick={() => pick(r)}
              >
                <Icon name="check" className={cn("size-3.5 shrink-0", r.region === value ? "opacity-100" : "opacity-0")} aria-hidden />
                <span className="flex-1 truncate">{r.name}</span>
                <span className="text-muted-foreground tabular-nums">+{r.callingCode}</span>
              </li>
            ))}
            {shown.length === 0 && <li className="px-2 py-1.5 text-sm text-muted-foreground">No country matches</li>}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
