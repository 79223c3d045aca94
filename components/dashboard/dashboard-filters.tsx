"use client";

import Form from "next/form";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { DEFAULT_PRESET, presetLabel, rangePresets, type RangePreset } from "@/lib/dashboard/range";

type Props = {
  action: string;
  preset: RangePreset;
  from: string;
  to: string;
  today: string;
  /** Why the custom range in the URL was not used, if it wasn't. */
  error: string | null;
  currencies: string[];
  currency: string;
};

/**
 * The date range (and currency, when there is more than one) as a GET form,
 * so the view lives in the URL. A preset applies as soon as it is picked; a
 * custom range applies with its button.
 */
export function DashboardFilters({ action, preset, from, to, today, error, currencies, currency }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const [choice, setChoice] = useState<RangePreset>(error ? "custom" : preset);
  const submit = () => form.current?.requestSubmit();
  return (
    <Form ref={form} action={action} className="grid gap-2" aria-label="Dashboard period">
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid gap-1.5">
          <Label htmlFor="dashboard-range">Period</Label>
          <Select
            id="dashboard-range"
            name="range"
            value={choice}
            onChange={(e) => {
              const next = e.target.value as RangePreset;
              setChoice(next);
              if (next !== "custom") queueMicrotask(submit);
            }}
            wrapperClassName="w-44"
          >
            {rangePresets.map((p) => (
              <option key={p} value={p}>
                {presetLabel[p]}
              </option>
            ))}
          </Select>
        </div>
        {choice === "custom" && (
          <>
            <div className="grid gap-1.5">
              <Label htmlFor="dashboard-from">From</Label>
              <Input
                id="dashboard-from"
                name="from"
                type="date"
                defaultValue={from}
                max={today}
                required
                className="w-40"
                aria-invalid={Boolean(error)}
                aria-describedby={error ? "dashboard-range-error" : undefined}
              />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="dashboard-to">To</Label>
              <Input id="dashboard-to" name="to" type="date" defaultValue={to} required className="w-40" aria-invalid={Boolean(error)} aria-describedby={error ? "dashboard-range-error" : undefined} />
            </div>
          </>
        )}
        {currencies.length > 1 && (
          <div className="grid gap-1.5">
            <Label htmlFor="dashboard-currency">Currency</Label>
            <Select id="dashboard-currency" name="currency" defaultValue={currency} onChange={submit} wrapperClassName="w-28">
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </div>
        )}
        {choice === "custom" && <Button type="submit">Apply</Button>}
      </div>
      {error && (
        <p id="dashboard-range-error" role="alert" className="text-sm text-destructive">
          {error} Showing {presetLabel[DEFAULT_PRESET].toLowerCase()} instead.
        </p>
      )}
    </Form>
  );
}
