import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ConfirmActionDialog } from "@/components/forms/confirm-action-dialog";
import { ReasonConfirmPopup } from "@/components/forms/reason-confirm-popup";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/form-state";

jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: jest.fn(), push: jest.fn() }) }));

// A confirmation refuses Escape and Cancel while its action runs. The refusal it
// draws when the action answers must come in the same commit as the end of that
// state: otherwise, for one commit, the person reads the error in a dialog that
// still won't close (use-dialog-form.test.tsx holds the form dialogs to the same).

/** Records, in the very commit that first shows `text`, whether Cancel was still disabled. */
function cancelStateWhenShown(text: string): { seen: boolean[]; stop: () => void } {
  const seen: boolean[] = [];
  const observer = new MutationObserver(() => {
    if (seen.length === 0 && screen.queryByText(text)) seen.push(screen.getByRole("button", { name: "Cancel" }).hasAttribute("disabled"));
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

it("a confirmation draws the action's refusal together with the end of sending, and then closes on Escape", async () => {
  const user = userEvent.setup();
  const action = jest.fn(async (): Promise<FormState<unknown>> => ({ ok: false, fieldErrors: {}, formError: "This client has open invoices." }));
  render(
    <ConfirmActionDialog
      trigger={<Button>Archive</Button>}
      action={action}
      input={{ id: 7 }}
      title="Archive this client?"
      description="They leave the lists."
      confirmLabel="Archive client"
      successMessage="Archived"
    />,
  );
  const watch = cancelStateWhenShown("This client has open invoices.");
  await user.click(screen.getByRole("button", { name: "Archive client" }));
  await screen.findByText("This client has open invoices.");
  await waitFor(() => expect(watch.seen).toHaveLength(1));
  watch.stop();
  expect(watch.seen).toEqual([false]);
  await user.keyboard("{Escape}");
  expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
});

it("a confirmation that asks why draws the server's refusal together with the end of sending", async () => {
  const user = userEvent.setup();
  const submit = jest.fn(async (): Promise<FormState<unknown>> => ({ ok: false, fieldErrors: {}, formError: "This invoice is already paid." }));
  render(
    <ReasonConfirmPopup
      trigger={<Button>Void</Button>}
      title="Void this invoice?"
      description="It stays on record."
      fieldId="void-reason"
      placeholder="Why"
      maxLength={200}
      problem={(reason) => (reason.trim() ? null : "Say why")}
      submit={submit}
      successTitle="Voided"
      cancelLabel="Cancel"
      confirmLabel="Void invoice"
    />,
  );
  await user.type(screen.getByRole("textbox"), "Sent twice");
  const watch = cancelStateWhenShown("This invoice is already paid.");
  await user.click(screen.getByRole("button", { name: "Void invoice" }));
  await screen.findByText("This invoice is already paid.");
  await waitFor(() => expect(watch.seen).toHaveLength(1));
  watch.stop();
  expect(watch.seen).toEqual([false]);
  await user.keyboard("{Escape}");
  expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
});
