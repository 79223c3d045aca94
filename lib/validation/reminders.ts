import { z } from "zod";
import { OFFSET_MAX, OFFSET_MIN, STEPS_MAX } from "./choices";
import { checkbox, id, optionalId, requiredText } from "./fields";

// Mirrors db/schema/reminders.ts so the schedule form can import this file in the browser.
export const reminderToneChoices = ["friendly", "firm"] as const;

const OFFSET_ERROR = `Enter whole days from ${OFFSET_MIN} to ${OFFSET_MAX}, like -3, 0 or 7`;
const OFFSET = /^[+-]?(?:0|[1-9][0-9]{0,2})$/;

/** Days from the due date as typed ("-3", "0", "+7") or a JSON integer; anything else is refused. */
export function readOffset(value: unknown): number | null {
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && OFFSET.test(value.trim())) n = Number(value.trim());
  else return null;
  if (!Number.isSafeInteger(n) || n < OFFSET_MIN || n > OFFSET_MAX) return null;
  return n === 0 ? 0 : n;
}

const stepFields = z.object({
  // A step that was saved before keeps its id; a new one has none.
  id: optionalId("Reload the page and try again"),
  offsetDays: z.union([z.string(), z.number()], { error: OFFSET_ERROR }).transform((v, ctx) => {
    const n = readOffset(v);
    if (n === null) {
      ctx.addIssue({ code: "custom", message: OFFSET_ERROR });
      return z.NEVER;
    }
    return n;
  }),
  email: checkbox,
  sms: checkbox,
  tone: z.enum(reminderToneChoices, { error: "Pick friendly or firm" }),
});

export const reminderScheduleSchema = z
  .object({
    enabled: checkbox,
    steps: z
      .array(stepFields, { error: "Add at least one step" })
      .min(1, { error: "Add at least one step" })
      .max(STEPS_MAX, { error: `Use at most ${STEPS_MAX} steps` }),
  })
  .superRefine((v, ctx) => {
    const seen = new Map<number, number>();
    const ids = new Set<number>();
    v.steps.forEach((step, i) => {
      if (!step.email && !step.sms) ctx.addIssue({ code: "custom", path: ["steps", i, "email"], message: "Pick email, SMS or both" });
      const first = seen.get(step.offsetDays);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["steps", i, "offsetDays"], message: `Step ${first + 1} already sends on this day` });
      else seen.set(step.offsetDays, i);
      if (step.id !== null) {
        if (ids.has(step.id)) ctx.addIssue({ code: "custom", path: ["steps", i, "offsetDays"], message: "Reload the page and try again" });
        ids.add(step.id);
      }
    });
  });
export type ReminderScheduleInput = z.output<typeof reminderScheduleSchema>;

const pauseTarget = z.enum(["invoice", "client"], { error: "Pick an invoice or a client" });

export const pauseRemindersSchema = z.object({
  target: pauseTarget,
  id,
  reason: requiredText(300, "Say why reminders stop, for the team"),
});
export type PauseRemindersInput = z.output<typeof pauseRemindersSchema>;

export const resumeRemindersSchema = z.object({ target: pauseTarget, id });
export type ResumeRemindersInput = z.output<typeof resumeRemindersSchema>;

export const runRemindersSchema = z.object({});

/** "Remind all" on the unpaid page: the tab it was pressed on. The server picks the invoices, never the browser. */
export const remindAllUnpaidSchema = z.object({ show: z.enum(["all", "overdue"], { error: "Reload the page and try again" }) });
export type RemindAllUnpaidInput = z.output<typeof remindAllUnpaidSchema>;
