"use client";

import Form from "next/form";
import { useRef } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { IntentLink } from "@/components/ui/intent-link";
import { Select } from "@/components/ui/select";
import type { OutboxChannel, OutboxStatus } from "@/db/schema";
import type { OutboxSearch } from "@/lib/validation/outbox";
import { outboxStatusLabel } from "./outbox-status-badge";

// Lists from the label maps: importing the schema's arrays would pull Drizzle into the browser bundle.
const channelLabel: Record<OutboxChannel, string> = { email: "Email", sms: "SMS" };
const channels = Object.keys(channelLabel) as OutboxChannel[];
const statuses = Object.keys(outboxStatusLabel) as OutboxStatus[];

/**
 * Filters as a GET form, so the URL holds them (linkable, and it works before
 * JavaScript loads). Choosing a channel, status or date applies at once; the
 * recipient applies on Enter. Submitting starts again from the newest page.
 */
export function OutboxFilters({ action, params }: { action: string; params: OutboxSearch }) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  const filtered = Boolean(params.channel || params.status || params.recipient || params.from || params.to);
  return (
    <Form ref={form} action={action} role="search" aria-label="Filter messages" className="grid gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid w-full gap-1.5 sm:w-40">
          <label htmlFor="outbox-channel" className="text-sm font-medium">
            Channel
          </label>
          <Select id="outbox-channel" name="channel" defaultValue={params.channel ?? ""} onChange={submit}>
            <option value="">All channels</option>
            {channels.map((c) => (
              <option key={c} value={c}>
                {channelLabel[c]}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid w-full gap-1.5 sm:w-48">
          <label htmlFor="outbox-status" className="text-sm font-medium">
            Status
          </label>
          <Select id="outbox-status" name="status" defaultValue={params.status ?? ""} onChange={submit}>
            <option value="">All statuses</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {outboxStatusLabel[s]}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid w-full gap-1.5 sm:w-auto sm:min-w-56 sm:flex-1">
          <label htmlFor="outbox-recipient" className="text-sm font-medium">
            Recipient starts with
          </label>
          <Input id="outbox-recipient" name="recipient" type="search" defaultValue={params.recipient} placeholder="ada@example.com or +1415…" autoComplete="off" />
        </div>
      </div>
      {/* Two dates side by side even on a phone. */}
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid w-[calc(50%-0.375rem)] gap-1.5 sm:w-40">
          <label htmlFor="outbox-from" className="text-sm font-medium">
            From
          </label>
          <Input id="outbox-from" name="from" type="date" defaultValue={params.from} onChange={submit} className="min-w-0 px-2" />
        </div>
        <div className="grid w-[calc(50%-0.375rem)] gap-1.5 sm:w-40">
          <label htmlFor="outbox-to" className="text-sm font-medium">
            To
          </label>
          <Input id="outbox-to" name="to" type="date" defaultValue={params.to} onChange={submit} className="min-w-0 px-2" />
        </div>
        <div className="flex w-full gap-2 sm:w-auto">
          <Button type="submit" variant="secondary" className="flex-1 sm:flex-none">
            Apply
          </Button>
          {filtered && (
            <IntentLink href={action} className={buttonVariants({ variant: "ghost", className: "flex-1 sm:flex-none" })}>
              Clear
            </IntentLink>
          )}
        </div>
      </div>
    </Form>
  );
}
