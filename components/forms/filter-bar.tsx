"use client";

import Form from "next/form";
import { useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { IntentLink } from "@/components/ui/intent-link";
import { Select } from "@/components/ui/select";

type Option = { value: string; label: string };

type Props = {
  /** The list's own path: the bar submits to it as a GET form. */
  action: string;
  /** The search landmark's name, e.g. "Search clients". */
  label: string;
  search: { id: string; label: string; placeholder: string; value: string };
  sort: { id: string; value: string; options: Option[]; className?: string };
  submitLabel: string;
  /** Toggle chips, sent as repeated `name` params. */
  chips: { legend: string; name: string; options: Option[]; checked: readonly string[] };
  /** More chips after the toggles (say, a client the list is narrowed to). */
  extraChips?: ReactNode;
  /** Fields below the chips (say, date and amount ranges). */
  children?: ReactNode;
  /** Whether anything narrows the list; then "Clear all filters" goes back to the bare list. */
  filtered: boolean;
};

/**
 * The search, sort and filter chips above a list, as a GET form: the URL holds
 * the whole view, so it can be bookmarked or linked, and it works before
 * JavaScript loads. Chips and the sort apply at once; the search applies on
 * Enter or the button. On phones the search takes the full width and the chips wrap.
 */
export function FilterBar({ action, label, search, sort, submitLabel, chips, extraChips, children, filtered }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  return (
    <Form ref={form} action={action} className="grid gap-3" role="search" aria-label={label}>
      <div className="flex flex-col gap-2 sm:flex-row">
        <div className="relative flex-1">
          <label htmlFor={search.id} className="sr-only">
            {search.label}
          </label>
          <Icon name="search" className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
          <Input id={search.id} name="q" type="search" defaultValue={search.value} placeholder={search.placeholder} className="pl-9" autoComplete="off" />
        </div>
        <div className="flex gap-2">
          <label htmlFor={sort.id} className="sr-only">
            Sort by
          </label>
          <Select id={sort.id} name="sort" defaultValue={sort.value} onChange={submit} wrapperClassName={sort.className ?? "w-full sm:w-48"}>
            {sort.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary">
            {submitLabel}
          </Button>
        </div>
      </div>
      <fieldset className="flex flex-wrap items-center gap-1.5 sm:gap-2">
        <legend className="sr-only">{chips.legend}</legend>
        {chips.options.map((o) => (
          <label
            key={o.value}
            className="flex h-8 cursor-pointer items-center gap-1.5 rounded-full border bg-background px-2.5 text-xs sm:h-9 sm:gap-2 sm:px-3 sm:text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/10 has-[:checked]:text-primary has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
          >
            <input type="checkbox" name={chips.name} value={o.value} defaultChecked={chips.checked.includes(o.value)} onChange={submit} className="size-4 accent-primary" />
            {o.label}
          </label>
        ))}
        {extraChips}
      </fieldset>
      {children}
      {filtered && (
        <div>
          <Button variant="link" size="sm" className="h-auto px-0" asChild>
            <IntentLink href={action}>Clear all filters</IntentLink>
          </Button>
        </div>
      )}
    </Form>
  );
}

/** Label-value pairs as the bar's options, in the record's order. */
export const optionsFrom = (labels: Record<string, string>): Option[] => Object.entries(labels).map(([value, label]) => ({ value, label }));
