import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { RefundPaymentDialog } from "@/components/payments/refund-payment-dialog";
import { StaffEditDialog } from "@/components/staff/staff-edit-dialog";
import { VoidInvoiceDialog } from "@/components/invoices/void-invoice-dialog";
import { PauseRemindersDialog } from "@/components/reminders/pause-reminders-dialog";
import { MobileNav } from "@/components/shell/mobile-nav";
import { UserMenu } from "@/components/shell/user-menu";

// The shell's account menu and drawer, and every confirmation, are plain
// buttons until first used; the Radix component loads then and opens at once.
// These check that a person can't tell: one click opens it, keys work, and
// focus comes back to the button.

const refresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ push: jest.fn(), refresh }), usePathname: () => "/staff/invoices" }));
jest.mock("@/lib/actions/auth/logout", () => ({ logout: jest.fn() }));
const refundPayment = jest.fn();
const updateStaff = jest.fn();
jest.mock("@/lib/actions/staff/update-staff", () => ({ updateStaff: (...args: unknown[]) => updateStaff(...args) }));
jest.mock("@/lib/actions/payments/refund-payment", () => ({ refundPayment: (...args: unknown[]) => refundPayment(...args) }));
const voidInvoice = jest.fn();
const pauseReminders = jest.fn();
jest.mock("@/lib/actions/invoices/void-invoice", () => ({ voidInvoice: (...args: unknown[]) => voidInvoice(...args) }));
jest.mock("@/lib/actions/reminders/pause-reminders", () => ({ pauseReminders: (...args: unknown[]) => pauseReminders(...args) }));

describe("popups loaded on first use", () => {
  it("the account menu opens on the first click, with its items, and Escape gives focus back to its button", async () => {
    const user = userEvent.setup();
    render(<UserMenu name="Sam Staff" email="staff@example.com" roleLabel="Staff" />);
    const button = screen.getByRole("button", { name: "Account menu for Sam Staff" });
    expect(button).toHaveAttribute("aria-haspopup", "menu");
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("menu")).toBeNull();

    await user.click(button);
    const menu = await screen.findByRole("menu");
    expect(screen.getByRole("menuitem", { name: "Profile" })).toHaveAttribute("href", "/staff/profile");
    expect(screen.getByRole("menuitem", { name: "Sign out" })).toBeInTheDocument();
    expect(menu).toHaveTextContent("staff@example.com");

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("menu")).toBeNull());
    const again = screen.getByRole("button", { name: "Account menu for Sam Staff" });
    expect(again).toHaveFocus();
    expect(again).toHaveAttribute("aria-expanded", "false");
    // From now on it is Radix's own trigger: the keyboard opens it too.
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("menu")).toBeInTheDocument();
  });

  it("the navigation drawer opens on the first click with the links, and closes back to its button", async () => {
    const user = userEvent.setup();
    render(<MobileNav area="Staff" items={[{ href: "/staff/invoices", label: "Invoices", icon: "invoices" }]} />);
    await user.click(screen.getByRole("button", { name: "Open navigation" }));
    const drawer = await screen.findByRole("dialog", { name: "ClientDesk" });
    expect(drawer).toHaveTextContent("Invoices");
    // Each link draws its entry's icon from the sprite.
    expect(screen.getByRole("link", { name: "Invoices" }).querySelector("svg[aria-hidden='true'] use")).toHaveAttribute("href", "/icons.svg#file-text");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.getByRole("button", { name: "Open navigation" })).toHaveFocus();
  });

  it("a confirmation asks first, acts on confirm, and a refusal shows in place", async () => {
    const user = userEvent.setup();
    const action = jest.fn().mockResolvedValueOnce({ ok: false, formError: "This invoice is already void." }).mockResolvedValueOnce({ ok: true, data: undefined });
    render(
      <ConfirmAction
        action={action}
        input={{ invoiceId: 7 }}
        trigger="Void"
        title="Void INV-0007?"
        description="It can't be undone."
        confirmLabel="Void invoice"
        destructive
        successMessage="Voided"
      />,
    );
    await user.click(screen.getByRole("button", { name: "Void" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Void INV-0007?" });
    expect(action).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Void invoice" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This invoice is already void.");
    expect(dialog).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Void invoice" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(action).toHaveBeenLastCalledWith(undefined, { invoiceId: 7 });
    expect(refresh).toHaveBeenCalled();
  });

  it("a disabled confirmation button stays disabled and loads nothing", async () => {
    const user = userEvent.setup();
    const action = jest.fn();
    render(<ConfirmAction action={action} input={{}} trigger="Send" triggerDisabled title="Send?" description="" confirmLabel="Send" successMessage="Sent" />);
    const button = screen.getByRole("button", { name: "Send" });
    expect(button).toBeDisabled();
    await user.click(button);
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("the refund dialog opens on the first click with what is left to refund, and checks the amount before sending", async () => {
    const user = userEvent.setup();
    render(<RefundPaymentDialog paymentId={5} currency="USD" locale="en-US" refundableMinor={2000} viaStripe={false} />);
    await user.click(screen.getByRole("button", { name: "Refund" }));
    const dialog = await screen.findByRole("dialog", { name: "Refund this payment?" });
    const amount = screen.getByLabelText(/Amount to refund/);
    expect(amount).toHaveValue("20.00");
    await user.clear(amount);
    await user.type(amount, "25");
    await user.click(screen.getByRole("button", { name: "Record refund" }));
    expect(await screen.findByText("At most $20.00, what is left to refund")).toBeInTheDocument();
    expect(refundPayment).not.toHaveBeenCalled();
    expect(dialog).toBeInTheDocument();

    // Sent with what was left when it opened, so the server refuses a second copy of the same refund.
    refundPayment.mockResolvedValueOnce({ ok: true, data: {} });
    await user.clear(amount);
    await user.type(amount, "15");
    await user.click(screen.getByRole("button", { name: "Record refund" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(refundPayment).toHaveBeenCalledWith(undefined, { paymentId: 5, refundableMinor: 2000, amount: "15.00", reason: "" });
  });

  it("a refused refund says why in the dialog and reads the page's figures again, also for what the dialog has no field for", async () => {
    const user = userEvent.setup();
    render(<RefundPaymentDialog paymentId={5} currency="USD" locale="en-US" refundableMinor={2000} viaStripe />);
    await user.click(screen.getByRole("button", { name: "Refund" }));
    const dialog = await screen.findByRole("dialog", { name: "Refund this payment?" });
    refresh.mockClear();
    // A dialog from before a deploy sends no amount left: the server's answer goes to the alert, not to a missing field.
    refundPayment.mockResolvedValueOnce({ ok: false, fieldErrors: { refundableMinor: ["Reload the page and try again"] }, formError: "Check the highlighted fields." });
    await user.click(within(dialog).getByRole("button", { name: "Refund through Stripe" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("Reload the page and try again");
    expect(refresh).toHaveBeenCalledTimes(1);
    // The payment moved since the page was drawn (Stripe confirmed an earlier refund): said, and the figures are read again.
    refundPayment.mockResolvedValueOnce({ ok: false, fieldErrors: {}, formError: "Nothing was refunded: this payment changed since the refund was opened." });
    await user.click(within(dialog).getByRole("button", { name: "Refund through Stripe" }));
    expect(await within(dialog).findByText(/this payment changed since the refund was opened/)).toBeInTheDocument();
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it("the staff edit dialog opens on the first click with the member's details, and refuses an empty name before sending", async () => {
    const user = userEvent.setup();
    render(<StaffEditDialog member={{ id: 3, name: "Sam Staff", email: "sam@example.com", phone: null, role: "staff" }} isSelf={false} />);
    await user.click(screen.getByRole("button", { name: "Edit Sam Staff" }));
    const dialog = await screen.findByRole("dialog", { name: "Edit Sam Staff" });
    expect(screen.getByLabelText(/^Name/)).toHaveValue("Sam Staff");
    expect(screen.getByLabelText(/^Role/)).toHaveValue("staff");
    await user.clear(screen.getByLabelText(/^Name/));
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Enter a name")).toBeInTheDocument();
    expect(updateStaff).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(screen.getByRole("button", { name: "Edit Sam Staff" })).toHaveFocus();
  });

  it("void asks why before it sends, shows the server's refusal in place, and on success closes and refreshes", async () => {
    const user = userEvent.setup();
    refresh.mockClear();
    render(<VoidInvoiceDialog invoiceId={12} number="INV-2026-0012" />);
    await user.click(screen.getByRole("button", { name: "Void" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Void invoice INV-2026-0012?" });
    await user.click(screen.getByRole("button", { name: "Void invoice" }));
    expect(dialog).toHaveTextContent("Say why this invoice is void");
    expect(voidInvoice).not.toHaveBeenCalled();

    voidInvoice.mockResolvedValueOnce({ ok: false, fieldErrors: {}, formError: "A paid invoice can't be voided." });
    await user.type(screen.getByLabelText(/Reason/), "Wrong client");
    await user.click(screen.getByRole("button", { name: "Void invoice" }));
    expect(await screen.findByText("A paid invoice can't be voided.")).toBeInTheDocument();
    expect(voidInvoice).toHaveBeenLastCalledWith(undefined, { invoiceId: 12, reason: "Wrong client" });

    voidInvoice.mockResolvedValueOnce({ ok: true, fieldErrors: {}, formError: null });
    await user.click(screen.getByRole("button", { name: "Void invoice" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(refresh).toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Void" })).toHaveFocus();
  });

  it("pausing reminders sends the reason with its target, and Escape closes back to the button", async () => {
    const user = userEvent.setup();
    render(<PauseRemindersDialog target="client" id={5} name="Ada Lovelace" />);
    await user.click(screen.getByRole("button", { name: "Pause reminders" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Pause automatic reminders for Ada Lovelace?" });
    expect(dialog).toHaveTextContent("None of this client’s invoices");
    await user.click(within(dialog).getByRole("button", { name: "Pause reminders" }));
    expect(dialog).toHaveTextContent("Say why reminders stop, for the team");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(screen.getByRole("button", { name: "Pause reminders" })).toHaveFocus();

    pauseReminders.mockResolvedValueOnce({ ok: true, fieldErrors: {}, formError: null });
    await user.keyboard("{Enter}");
    const again = await screen.findByRole("alertdialog");
    await user.type(within(again).getByLabelText(/Reason/), "Disputed");
    await user.click(within(again).getByRole("button", { name: "Pause reminders" }));
    await waitFor(() => expect(pauseReminders).toHaveBeenCalledWith(undefined, { target: "client", id: 5, reason: "Disputed" }));
  });
});
