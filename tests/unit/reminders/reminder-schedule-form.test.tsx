import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ReminderScheduleForm } from "@/components/reminders/reminder-schedule-form";

jest.mock("next/navigation", () => ({ useRouter: () => ({ push: jest.fn(), refresh: jest.fn() }) }));
const updateReminderSchedule = jest.fn();
jest.mock("@/lib/actions/reminders/update-reminder-schedule", () => ({ updateReminderSchedule: (...args: unknown[]) => updateReminderSchedule(...args) }));

const steps = [{ id: 1, offsetDays: 3, email: true, sms: false, tone: "friendly" as const }];

// The schedule's schema loads on first use (when saved), so its answer comes after the click.
describe("the reminder schedule form", () => {
  it("refuses a day out of range without sending it, and puts the cursor on it once the error is drawn", async () => {
    // Every frame at once: a focus taken on the next frame, before React draws the error, would find no field.
    jest.spyOn(window, "requestAnimationFrame").mockImplementation((callback) => {
      callback(0);
      return 0;
    });
    render(<ReminderScheduleForm enabled steps={steps} />);
    const offset = within(screen.getByRole("listitem", { name: "Step 1" })).getByLabelText("Days from due");
    await userEvent.clear(offset);
    await userEvent.type(offset, "999");
    await userEvent.click(screen.getByRole("button", { name: "Save reminder schedule" }));
    expect(await screen.findByText(/Enter whole days from -60 to 365/)).toBeInTheDocument();
    await waitFor(() => expect(offset).toHaveFocus());
    expect(updateReminderSchedule).not.toHaveBeenCalled();
  });
});
