// Which step of the dunning schedule an invoice is at. Pure: no clock, no database.
import { addDaysIso, daysBetween } from "@/lib/dates";

export type ReminderTone = "friendly" | "firm";
export type ScheduleStep = { id: number; offsetDays: number; email: boolean; sms: boolean; tone: ReminderTone };
/** A reminder already queued for the invoice: its step and that step's offset then. */
export type SentStep = { stepId: number; offsetDays: number };

const byOffset = (steps: readonly ScheduleStep[]) => [...steps].sort((a, b) => a.offsetDays - b.offsetDays);

/**
 * The step to queue for an invoice due `dueDate` on business day `today`:
 * the latest step it has reached (offset ≤ days since due), unless that step
 * or a step at least as late was already sent. So a missed day is caught up
 * the next day, a schedule switched on late sends only the step reached
 * (never every past step at once), and an edited schedule never re-sends.
 */
export function stepDue(steps: readonly ScheduleStep[], dueDate: string, today: string, sent: readonly SentStep[]): ScheduleStep | null {
  const age = daysBetween(dueDate, today);
  let reached: ScheduleStep | null = null;
  for (const step of byOffset(steps)) if (step.offsetDays <= age) reached = step;
  if (!reached) return null;
  const r = reached;
  return sent.some((s) => s.stepId === r.id || s.offsetDays >= r.offsetDays) ? null : r;
}

/** The next reminder the schedule will send, and on which business day (today when one is due now); null when none is left. */
export function nextStep(steps: readonly ScheduleStep[], dueDate: string, today: string, sent: readonly SentStep[]): { step: ScheduleStep; day: string } | null {
  const due = stepDue(steps, dueDate, today, sent);
  if (due) return { step: due, day: today };
  const age = daysBetween(dueDate, today);
  const latestSent = sent.reduce((m, s) => Math.max(m, s.offsetDays), -Infinity);
  const upcoming = byOffset(steps).find((s) => s.offsetDays > age && s.offsetDays > latestSent && !sent.some((x) => x.stepId === s.id));
  return upcoming ? { step: upcoming, day: addDaysIso(dueDate, upcoming.offsetDays) } : null;
}

/** "3 days before the due date", "on the due date", "7 days after". */
export function describeOffset(offsetDays: number): string {
  if (offsetDays === 0) return "on the due date";
  const n = Math.abs(offsetDays);
  return `${n} day${n === 1 ? "" : "s"} ${offsetDays < 0 ? "before" : "after"} the due date`;
}
