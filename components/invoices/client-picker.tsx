"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/** A client as the invoice form knows it; its currency is what new invoices for it bill in. */
export type ClientOption = { id: number; name: string; email: string | null; company?: string | null; currency: string };

type Props = {
  id: string;
  value: ClientOption | null;
  /** A pick from the list, or null once the chosen client's name is typed over. */
  onChange: (client: ClientOption | null) => void;
  invalid?: boolean;
  describedBy?: string;
};

/**
 * A searchable client picker (ARIA combobox). It asks the server for names
 * starting with what was typed, so it works the same with 20 clients or 100,000.
 *
 * Only a pick from the list chooses a client. Typing over the chosen name
 * un-chooses it at once, so the field never shows one name while the invoice
 * goes to (and bills in the currency of) another: saving then asks to choose a
 * client, and the typed text stays to search with. (Putting the old name back
 * on blur instead would silently undo what the person typed.)
 */
export function ClientPicker({ id, value, onChange, invalid, describedBy }: Props) {
  const listId = useId();
  const [query, setQuery] = useState(value?.name ?? "");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<ClientOption[]>([]);
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Leaving the field closes the list a moment later (so a click on an option lands first); coming back
  // before then keeps it open. Without this, a blur's late close shut the list while the person typed.
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const keepOpen = () => {
    clearTimeout(closing.current);
    setOpen(true);
  };

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      fetch(`/api/invoices/client-options?q=${encodeURIComponent(query === value?.name ? "" : query)}`, { signal: controller.signal })
        .then((res) => (res.ok ? (res.json() as Promise<{ clients: ClientOption[] }>) : { clients: [] }))
        .then((body) => {
          setOptions(body.clients);
          setActive(0);
        })
        .catch(() => undefined)
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, open, value?.name]);

  function choose(option: ClientOption) {
    onChange(option);
    setQuery(option.name);
    setOpen(false);
  }

  return (
    <div className="relative">
      <Input
        ref={input}
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${options[active].id}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        placeholder="Type the start of a client's name…"
        value={query}
        className="pr-9"
        onChange={(e) => {
          setQuery(e.target.value);
          keepOpen();
          if (value && e.target.value !== value.name) onChange(null);
        }}
        onFocus={keepOpen}
        onBlur={() => {
          closing.current = setTimeout(() => setOpen(false), 120);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && open && options[active]) {
            e.preventDefault();
            choose(options[active]);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      <span className="pointer-events-none absolute right-3 top-1/2 -translate-y-1/2 text-muted-foreground" aria-hidden="true">
        {loading ? <Icon name="loader-circle" className="size-4 animate-spin" /> : <Icon name="chevrons-up-down" className="size-4" />}
      </span>
      {open && (
        <ul id={listId} role="listbox" aria-label="Clients" className="absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border bg-popover p-1 text-popover-foreground shadow-md">
          {options.length === 0 ? (
            // A listbox holds options only: the empty state is one that can't be chosen.
            <li role="option" aria-disabled="true" aria-selected="false" className="px-2 py-1.5 text-sm text-muted-foreground">
              {loading ? "Looking…" : "No client starts with that name."}
            </li>
          ) : (
            options.map((o, i) => (
              <li
                key={o.id}
                id={`${listId}-${o.id}`}
                role="option"
                aria-selected={value?.id === o.id}
                className={cn("flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm", i === active && "bg-accent text-accent-foreground")}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <Icon name="check" className={cn("size-4 shrink-0", value?.id === o.id ? "opacity-100" : "opacity-0")} aria-hidden="true" />
                <span className="min-w-0">
                  <span className="block truncate">{o.name}</span>
                  {(o.company || o.email) && <span className="block truncate text-xs text-muted-foreground">{[o.company, o.email].filter(Boolean).join(" · ")}</span>}
                </span>
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
