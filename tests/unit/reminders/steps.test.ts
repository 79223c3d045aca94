import { describeOffset, nextStep, stepDue, type ScheduleStep } from "@/lib/reminders/steps";

const step = (id: number, offsetDays: number, tone: "friendly" | "firm" = offsetDays < 0 ? "friendly" : "firm"): ScheduleStep => ({ id, offsetDays, email: true, sms: false, tone });
const steps = [step(1, -3), step(2, 0), step(3, 7), step(4, 14), step(5, 30)];
const due = "2026-03-10";

describe("the step due for an invoice", () => {
  it("is none before the first step's day", () => {
    expect(stepDue(steps, due, "2026-03-06", [])).toBeNull();
  });

  it("is each step on its day, once", () => {
    expect(stepDue(steps, due, "2026-03-07", [])?.id).toBe(1);
    expect(stepDue(steps, due, "2026-03-08", [{ stepId: 1, offsetDays: -3 }])).toBeNull();
    expect(stepDue(steps, due, "2026-03-10", [{ stepId: 1, offsetDays: -3 }])?.id).toBe(2);
    expect(
      stepDue(steps, due, "2026-03-17", [
        { stepId: 1, offsetDays: -3 },
        { stepId: 2, offsetDays: 0 },
      ])?.id,
    ).toBe(3);
  });

  it("catches up a missed day with that step, the next day", () => {
    expect(stepDue(steps, due, "2026-03-11", [{ stepId: 1, offsetDays: -3 }])?.id).toBe(2);
  });

  it("sends only the latest step reached when the schedule starts late: 40 days overdue gets the 30-day step, then nothing", () => {
    expect(stepDue(steps, due, "2026-04-19", [])?.id).toBe(5);
    expect(stepDue(steps, due, "2026-04-20", [{ stepId: 5, offsetDays: 30 }])).toBeNull();
  });

  it("never goes back to an earlier step added after a later one was sent, nor re-sends a step whose day was edited", () => {
    const edited = [...steps, step(6, 10)];
    expect(stepDue(edited, due, "2026-03-21", [{ stepId: 4, offsetDays: 14 }])).toBeNull();
    // Step 3 (sent at +7) moved to +12: the same step, so not again.
    const moved = steps.map((s) => (s.id === 3 ? { ...s, offsetDays: 12 } : s));
    expect(stepDue(moved, due, "2026-03-22", [{ stepId: 3, offsetDays: 7 }])).toBeNull();
  });
});

describe("the next scheduled step", () => {
  it("is today's step when one is due, otherwise the next one on its day", () => {
    expect(nextStep(steps, due, "2026-03-07", [])).toEqual({ step: steps[0], day: "2026-03-07" });
    expect(nextStep(steps, due, "2026-03-08", [{ stepId: 1, offsetDays: -3 }])).toEqual({ step: steps[1], day: "2026-03-10" });
    expect(nextStep(steps, due, "2026-04-20", [{ stepId: 5, offsetDays: 30 }])).toBeNull();
  });

  it("describes offsets in words", () => {
    expect([describeOffset(-3), describeOffset(0), describeOffset(1), describeOffset(14)]).toEqual([
      "3 days before the due date",
      "on the due date",
      "1 day after the due date",
      "14 days after the due date",
    ]);
  });
});
