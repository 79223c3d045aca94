import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { RemindAllButton } from "@/components/reminders/remind-all-button";

// "Remind all" on the unpaid page: it asks first, sends only the page's tab
// (the server picks the clients), and says when a second press is needed.

const refresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ push: jest.fn(), refresh }) }));
const remindAllUnpaid = jest.fn();
jest.mock("@/lib/actions/reminders/remind-all-unpaid", () => ({ remindAllUnpaid: (...args: unknown[]) => remindAllUnpaid(...args) }));
const toast = jest.fn();
jest.mock("@/components/ui/toast", () => ({ toast: (...args: unknown[]) => toast(...args) }));

beforeEach(() => jest.clearAllMocks());

it("asks before reminding every unpaid client, sends only the tab, and toasts what went out", async () => {
  const user = userEvent.setup();
  remindAllUnpaid.mockResolvedValueOnce({ ok: true, fieldErrors: {}, formError: null, data: { queued: 1204, skipped: 3, remaining: 0 } });
  render(<RemindAllButton count={1240} overdueOnly={false} />);
  await user.click(screen.getByRole("button", { name: "Remind all unpaid (1,240)" }));
  const dialog = await screen.findByRole("alertdialog", { name: "Send a payment reminder to all 1,240 clients with an open balance?" });
  expect(dialog).toHaveTextContent("Invoices already reminded today are skipped.");
  expect(remindAllUnpaid).not.toHaveBeenCalled();

  await user.click(within(dialog).getByRole("button", { name: "Send reminders" }));
  await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: "Reminders queued for 1,204 invoices; 3 skipped (already reminded today or no email or SMS)", variant: "success" }));
  expect(remindAllUnpaid).toHaveBeenCalledWith(undefined, { show: "all" });
  expect(refresh).toHaveBeenCalled();
  await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
});

it("on the overdue tab reminds the overdue ones, and says to press again when a run left some", async () => {
  const user = userEvent.setup();
  remindAllUnpaid.mockResolvedValueOnce({ ok: true, fieldErrors: {}, formError: null, data: { queued: 1000, skipped: 0, remaining: 250 } });
  render(<RemindAllButton count={1} overdueOnly />);
  await user.click(screen.getByRole("button", { name: "Remind all overdue (1)" }));
  const dialog = await screen.findByRole("alertdialog", { name: "Send a payment reminder to the 1 client with an overdue balance?" });
  await user.click(within(dialog).getByRole("button", { name: "Send reminders" }));
  await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: "Reminders queued for 1,000 invoices. 250 more invoices to go: press Remind all again to send the next ones", variant: "success" }));
  expect(remindAllUnpaid).toHaveBeenCalledWith(undefined, { show: "overdue" });
});

it("shows a refusal (the hour's limit) in the dialog and sends no toast", async () => {
  const user = userEvent.setup();
  const refusal = "You've sent reminders 20 times in the last hour. Try again in 12 minutes; invoices already reminded today are skipped anyway.";
  remindAllUnpaid.mockResolvedValueOnce({ ok: false, fieldErrors: {}, formError: refusal });
  render(<RemindAllButton count={4} overdueOnly={false} />);
  await user.click(screen.getByRole("button", { name: "Remind all unpaid (4)" }));
  const dialog = await screen.findByRole("alertdialog");
  await user.click(within(dialog).getByRole("button", { name: "Send reminders" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent(refusal);
  expect(toast).not.toHaveBeenCalled();
});

it("can't be pressed with nobody to remind", () => {
  render(<RemindAllButton count={0} overdueOnly={false} />);
  expect(screen.getByRole("button", { name: "Remind all unpaid (0)" })).toBeDisabled();
});
