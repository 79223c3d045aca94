"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useFocusFirstInvalid } from "@/components/forms/use-focus-first-invalid";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { fieldA11y } from "@/components/ui/form-field";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { updateReminderSchedule } from "@/lib/actions/reminders/update-reminder-schedule";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/form-state";
import { OFFSET_MAX, OFFSET_MIN, STEPS_MAX } from "@/lib/validation/choices";

// The schema (and zod) load on first use, like a page form's (components/forms/use-validated-action.ts).
const loadSchema = () => import("@/lib/validation/reminders").then((m) => m.reminderScheduleSchema);

export type ScheduleStepValue = { id: number | null; offsetDays: number; email: boolean; sms: boolean; tone: "friendly" | "firm" };

type Row = { key: number; id: number | null; offsetDays: string; email: boolean; sms: boolean; tone: "friendly" | "firm" };

let nextKey = 0;
const toRow = (s: ScheduleStepValue): Row => ({ key: ++nextKey, id: s.id, offsetDays: String(s.offsetDays), email: s.email, sms: s.sms, tone: s.tone });

/**
 * The automatic reminder schedule: a switch and an ordered list of steps,
 * each a day relative to the due date, its channels and its tone. Saved
 * steps keep their ids, so invoices they reminded aren't reminded again.
 */
export function ReminderScheduleForm({ enabled: initialEnabled, steps }: { enabled: boolean; steps: ScheduleStepValue[] }) {
  const router = useRouter();
  const base = useId();
  const [enabled, setEnabled] = useState(initialEnabled);
  const [rows, setRows] = useState<Row[]>(() => steps.map(toRow));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const update = (key: number, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () =>
    setRows((all) => {
      const last = all.reduce((m, r) => Math.max(m, Number(r.offsetDays) || 0), 0);
      return [...all, { key: ++nextKey, id: null, offsetDays: String(Math.min(OFFSET_MAX, last + 7)), email: true, sms: false, tone: "firm" }];
    });

  // The check answers after its schema loads (on first use), so the cursor moves once the errors are drawn.
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();

  function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { enabled, steps: rows.map(({ id, offsetDays, email, sms, tone }) => ({ id, offsetDays, email, sms, tone })) };
    startTransition(async () => {
      // If the schema can't load (the network), the server checks the same schema.
      const parsed = await loadSchema().then(
        (schema) => schema.safeParse(input),
        () => null,
      );
      // Updates after an await are wrapped again, so they are drawn with the end of `pending`.
      if (parsed && !parsed.success) {
        const found = fieldErrorsFrom(parsed.error);
        startTransition(() => {
          setErrors(found);
          setFormError("Check the highlighted steps.");
          focusFirstInvalid();
        });
        return;
      }
      const result = await updateReminderSchedule(undefined, input);
      startTransition(() => {
        setErrors(result.fieldErrors);
        setFormError(result.ok ? null : result.formError);
      });
      if (!result.ok) return;
      toast({ title: "Reminder schedule saved", description: enabled ? "It applies to every open invoice from the next run." : "Automatic reminders are off.", variant: "success" });
      router.refresh();
    });
  }

  // After a save the page sends the steps back in the order of their day, with ids.
  const [shown, setShown] = useState(steps);
  if (shown !== steps) {
    setShown(steps);
    setRows(steps.map(toRow));
    setEnabled(initialEnabled);
  }

  return (
    <form ref={formRef} onSubmit={save} onFocus={() => void loadSchema()} onPointerEnter={() => void loadSchema()} noValidate className="grid max-w-3xl gap-6" aria-label="Payment reminder schedule">
      <FormAlert message={formError} />
      <label className="flex items-start gap-3 text-sm">
        <Checkbox name="enabled" checked={enabled} onCheckedChange={setEnabled} className="mt-0.5" />
        <span>
          <span className="font-medium">Send payment reminders automatically</span>
          <span className="block text-muted-foreground">
            Every open invoice, old and new, gets each step once, on its day in the business’s time zone. Switched on late, an invoice gets only the latest step it has reached.
          </span>
        </span>
      </label>
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-base font-semibold">Steps</legend>
        <p className="text-sm text-muted-foreground">
          Days from the due date, {OFFSET_MIN} to {OFFSET_MAX}: -3 is three days before, 0 the due date, 7 a week after. SMS goes only to clients who opted in. Saved steps are kept in the order of
          their day.
        </p>
        <ol className="grid gap-3">
          {rows.map((row, i) => {
            const id = (field: string) => `${base}-${row.key}-${field}`;
            const err = (field: string) => errors[`steps.${i}.${field}`];
            const offsetError = err("offsetDays")?.[0];
            const channelError = err("email")?.[0];
            return (
              <li key={row.key} className="grid gap-3 rounded-md border p-3 sm:grid-cols-[8rem_1fr_9rem_auto] sm:items-start" aria-label={`Step ${i + 1}`}>
                <div className="grid gap-1">
                  <label htmlFor={id("offset")} className="text-sm font-medium">
                    Days from due
                  </label>
                  <Input
                    {...fieldA11y(id("offset"), offsetError)}
                    inputMode="numeric"
                    value={row.offsetDays}
                    onChange={(e) => update(row.key, { offsetDays: e.currentTarget.value })}
                    aria-describedby={offsetError ? `${id("offset")}-error` : undefined}
                  />
                  {offsetError && (
                    <p id={`${id("offset")}-error`} className="text-sm text-destructive">
                      {offsetError}
                    </p>
                  )}
                </div>
                <fieldset className="grid gap-1" aria-describedby={channelError ? `${id("channels")}-error` : undefined} aria-invalid={channelError ? true : undefined}>
                  <legend className="text-sm font-medium">Send by</legend>
                  <div className="flex h-10 items-center gap-4 text-sm">
                    <label className="flex items-center gap-2">
                      <Checkbox checked={row.email} onCheckedChange={(v) => update(row.key, { email: v })} aria-invalid={channelError ? true : undefined} />
                      Email
                    </label>
                    <label className="flex items-center gap-2">
                      <Checkbox checked={row.sms} onCheckedChange={(v) => update(row.key, { sms: v })} />
                      SMS
                    </label>
                  </div>
                  {channelError && (
                    <p id={`${id("channels")}-error`} className="text-sm text-destructive">
                      {channelError}
                    </p>
                  )}
                </fieldset>
                <div className="grid gap-1">
                  <label htmlFor={id("tone")} className="text-sm font-medium">
                    Template
                  </label>
                  <Select id={id("tone")} value={row.tone} onChange={(e) => update(row.key, { tone: e.currentTarget.value === "friendly" ? "friendly" : "firm" })}>
                    <option value="friendly">Friendly</option>
                    <option value="firm">Firm</option>
                  </Select>
                </div>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="sm:mt-6"
                  onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                  aria-label={`Remove step ${i + 1}`}
                  disabled={rows.length === 1}
                >
                  <Icon name="trash" aria-hidden="true" />
                </Button>
              </li>
            );
          })}
        </ol>
        {errors.steps?.[0] && <p className="text-sm text-destructive">{errors.steps[0]}</p>}
        <div>
          <Button type="button" variant="outline" onClick={add} disabled={rows.length >= STEPS_MAX}>
            <Icon name="plus" aria-hidden="true" />
            Add step
          </Button>
        </div>
      </fieldset>
      <div>
        <Button type="submit" pending={pending}>
          Save reminder schedule
        </Button>
      </div>
    </form>
  );
}
