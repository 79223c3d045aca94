import { readOffset, reminderScheduleSchema } from "@/lib/validation/reminders";

describe("a step's days from the due date", () => {
  it.each([
    ["-3", -3],
    ["+7", 7],
    ["0", 0],
    ["365", 365],
    ["-60", -60],
    [14, 14],
  ])("reads %p as %p", (input, expected) => {
    expect(readOffset(input)).toBe(expected);
  });

  it.each(["−3", "07", "1e1", "1.5", "3 days", "", "366", "-61", "0x10", 2.5, true, ["7"], null])("refuses %p", (input) => {
    expect(readOffset(input)).toBeNull();
  });
});

describe("the schedule form's schema", () => {
  const step = (offsetDays: string, extra: Record<string, unknown> = {}) => ({ id: null, offsetDays, email: true, sms: false, tone: "firm", ...extra });

  it("accepts up to ten steps with a channel each, and a form's ticked boxes", () => {
    const parsed = reminderScheduleSchema.parse({ enabled: "on", steps: [step("-3", { tone: "friendly" }), step("7", { email: false, sms: "on" })] });
    expect(parsed).toEqual({
      enabled: true,
      steps: [
        { id: null, offsetDays: -3, email: true, sms: false, tone: "friendly" },
        { id: null, offsetDays: 7, email: false, sms: true, tone: "firm" },
      ],
    });
    expect(reminderScheduleSchema.safeParse({ enabled: true, steps: Array.from({ length: 11 }, (_, i) => step(String(i))) }).success).toBe(false);
  });

  it("refuses a step id given twice", () => {
    const result = reminderScheduleSchema.safeParse({ enabled: true, steps: [step("1", { id: 4 }), step("2", { id: 4 })] });
    expect(result.success).toBe(false);
  });
});
