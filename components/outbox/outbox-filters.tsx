"use client";

import Form from "next/form";
import Link from "next/link";
import { useRef } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
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
    <Form ref={form} action={action} role="search" aria-label="Filter messages" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_2fr_1fr_1fr_auto] lg:items-end">
      <div className="grid gap-1.5">
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
      <div className="grid gap-1.5">
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
      <div className="grid gap-1.5 sm:col-span-2 lg:col-span-1">
        <label htmlFor="outbox-recipient" className="text-sm font-medium">
          Recipient starts with
        </label>
        <Input id="outbox-recipient" name="recipient" type="search" defaultValue={params.recipient} placeholder="ada@example.com or +1415…" autoComplete="off" />
      </div>
      <div className="grid gap-1.5">
        <label htmlFor="outbox-from" className="text-sm font-medium">
          From
        </label>
        <Input id="outbox-from" name="from" type="date" defaultValue={params.from} onChange={submit} />
      </div>
      <div className="grid gap-1.5">
        <label htmlFor="outbox-to" className="text-sm font-medium">
          To
        </label>
        <Input id="outbox-to" name="to" type="date" defaultValue={params.to} onChange={submit} />
      </div>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
        <Button type="submit" variant="secondary" className="flex-1 lg:flex-none">
          Apply
        </Button>
        {filtered && (
          <Link href={action} className={buttonVariants({ variant: "ghost", className: "flex-1 lg:flex-none" })}>
            Clear
          </Link>
        )}
      </div>
    </Form>
  );
}
