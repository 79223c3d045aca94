import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { z } from "zod";
import { useDialogForm } from "@/components/forms/use-dialog-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Toaster } from "@/components/ui/toast";
import type { FormState } from "@/lib/form-state";

const refresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push: jest.fn() }) }));

// jsdom has no matchMedia or pointer capture, which the toaster's theme and swipe handling call.
window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addListener() {}, removeListener() {} })) as unknown as typeof window.matchMedia;
Element.prototype.setPointerCapture ??= () => {};
Element.prototype.releasePointerCapture ??= () => {};
Element.prototype.hasPointerCapture ??= () => false;

const schema = z.object({ recordId: z.number(), name: z.string().trim().min(1, { error: "Enter a name" }), idempotencyKey: z.string().length(32) });
const action = jest.fn<Promise<FormState<{ greeting: string }>>, [undefined, Record<string, unknown>]>();

function NameDialog({ initiallyOpen = false }: { initiallyOpen?: boolean }) {
  const dialog = useDialogForm({ action, schema, extra: { recordId: 7 }, success: (result, sent) => ({ title: `${result.data!.greeting}, ${sent.name}` }), initiallyOpen });
  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>
        <Button>Name it</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Name the record</DialogTitle>
        <form onSubmit={dialog.onSubmit} noValidate>
          {dialog.formError && <p role="alert">{dialog.formError}</p>}
          <label htmlFor="name">Name</label>
          <input id="name" name="name" aria-invalid={dialog.errors.name ? true : undefined} />
          {dialog.errors.name && <p>{dialog.errors.name[0]}</p>}
          <output aria-label="Key">{dialog.idempotencyKey}</output>
          <Button type="submit" pending={dialog.pending}>
            Save
          </Button>
          <Button type="button" onClick={dialog.close}>
            Cancel
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** A dialog whose replays the server refuses by a version it sends (as a refund does), not by an idempotency key. */
const versionedSchema = z.object({ recordId: z.number(), version: z.number().int().min(0), name: z.string().trim().min(1, { error: "Enter a name" }) });
function VersionedDialog({ version, refreshOnRefusal }: { version: number; refreshOnRefusal: boolean }) {
  const dialog = useDialogForm({
    action,
    schema: versionedSchema,
    extra: { recordId: 7, version },
    idempotent: false,
    refreshOnRefusal,
    success: () => ({ title: "Saved" }),
    initiallyOpen: true,
  });
  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogContent>
        <DialogTitle>Rename the record</DialogTitle>
        <form onSubmit={dialog.onSubmit} noValidate>
          {dialog.formError && <p role="alert">{dialog.formError}</p>}
          <label htmlFor="name">Name</label>
          <input id="name" name="name" />
          <Button type="submit" pending={dialog.pending}>
            Save
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}

beforeEach(() => {
  action.mockReset();
  refresh.mockReset();
});

describe("useDialogForm", () => {
  it("when mounted open (a dialog loaded on first use), has a key from the start and a fresh one on each reopening", async () => {
    const user = userEvent.setup();
    action.mockResolvedValue({ ok: false, fieldErrors: {}, formError: "Try again" });
    render(<NameDialog initiallyOpen />);
    expect(screen.getByRole("dialog", { name: "Name the record" })).toBeInTheDocument();
    const first = screen.getByLabelText("Key").textContent!;
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    await user.type(screen.getByLabelText("Name"), "Ada");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(action).toHaveBeenCalledWith(undefined, { name: "Ada", recordId: 7, idempotencyKey: first }));
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Name it" }));
    expect(screen.getByLabelText("Key").textContent).toMatch(/^[0-9a-f]{32}$/);
    expect(screen.getByLabelText("Key").textContent).not.toBe(first);
  });

  it("gives each opening of the dialog its own idempotency key, sent with the form", async () => {
    const user = userEvent.setup();
    action.mockResolvedValue({ ok: false, fieldErrors: {}, formError: "Try again" });
    render(<NameDialog />);
    await user.click(screen.getByRole("button", { name: "Name it" }));
    const first = screen.getByLabelText("Key").textContent!;
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    await user.type(screen.getByLabelText("Name"), "Ada");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(action).toHaveBeenCalledWith(undefined, { name: "Ada", recordId: 7, idempotencyKey: first }));
    // A second click in the same opening sends the same key.
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(2));
    expect(action.mock.calls[1]![1].idempotencyKey).toBe(first);

    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await user.click(screen.getByRole("button", { name: "Name it" }));
    const second = screen.getByLabelText("Key").textContent!;
    expect(second).toMatch(/^[0-9a-f]{32}$/);
    expect(second).not.toBe(first);
  });

  it("shows the schema's errors before sending, and the server's, and clears them when the dialog opens again", async () => {
    const user = userEvent.setup();
    render(<NameDialog />);
    await user.click(screen.getByRole("button", { name: "Name it" }));
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Check the highlighted fields.");
    expect(screen.getByText("Enter a name")).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");
    expect(action).not.toHaveBeenCalled();

    action.mockResolvedValue({ ok: false, fieldErrors: { name: ["That name is taken"] }, formError: null });
    await user.type(screen.getByLabelText("Name"), "Ada");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("That name is taken")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Name it" }));
    expect(screen.getByRole("dialog")).toBeInTheDocument();
    expect(screen.queryByText("That name is taken")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Name")).not.toHaveAttribute("aria-invalid");
  });

  it("draws the server's errors and the end of sending together, so the dialog can close the moment they show", async () => {
    const user = userEvent.setup();
    action.mockResolvedValue({ ok: false, fieldErrors: { name: ["That name is taken"] }, formError: null });
    render(<NameDialog />);
    await user.click(screen.getByRole("button", { name: "Name it" }));
    await user.type(screen.getByLabelText("Name"), "Ada");
    // What the Save button was in the very commit that drew the error (a pending Save means Escape is refused).
    const seen: (boolean | null)[] = [];
    const observer = new MutationObserver(() => {
      if (seen.length === 0 && screen.queryByText("That name is taken")) seen.push(screen.getByRole("button", { name: /Save/ }).hasAttribute("disabled"));
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    await user.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("That name is taken");
    await waitFor(() => expect(seen).toHaveLength(1));
    observer.disconnect();
    expect(seen).toEqual([false]);
  });

  it("closes, shows a toast with what happened and refreshes the page when the action succeeds", async () => {
    const user = userEvent.setup();
    action.mockResolvedValue({ ok: true, fieldErrors: {}, formError: null, data: { greeting: "Saved" } });
    render(
      <>
        <NameDialog />
        <Toaster />
      </>,
    );
    await user.click(screen.getByRole("button", { name: "Name it" }));
    await user.type(screen.getByLabelText("Name"), "  Ada ");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    // The toast gets the parsed values (trimmed), not the raw text.
    expect(await within(await screen.findByRole("region", { name: /notifications/i })).findByText("Saved, Ada")).toBeInTheDocument();
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("without an idempotency key (a version guards the action), sends only the fields and what the dialog adds", async () => {
    const user = userEvent.setup();
    action.mockResolvedValue({ ok: false, fieldErrors: {}, formError: "Try again" });
    render(<VersionedDialog version={3} refreshOnRefusal={false} />);
    await user.type(screen.getByLabelText("Name"), "Ada");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(action).toHaveBeenCalledWith(undefined, { name: "Ada", recordId: 7, version: 3 }));
    await screen.findByText("Try again");
    // A refusal leaves the page's data alone unless the dialog asks for it.
    expect(refresh).not.toHaveBeenCalled();
  });

  it("shows a refusal of a value it has no field for in its alert, and reads the page again after a refusal when asked to", async () => {
    const user = userEvent.setup();
    action.mockResolvedValue({ ok: false, fieldErrors: { version: ["Reload the page and try again"] }, formError: "Check the highlighted fields." });
    const { rerender } = render(<VersionedDialog version={3} refreshOnRefusal />);
    await user.type(screen.getByLabelText("Name"), "Ada");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Reload the page and try again");
    expect(refresh).toHaveBeenCalledTimes(1);
    // The refreshed page hands the dialog the record's new version: the next try sends it.
    rerender(<VersionedDialog version={4} refreshOnRefusal />);
    action.mockResolvedValue({ ok: true, fieldErrors: {}, formError: null, data: { greeting: "Saved" } });
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(action).toHaveBeenLastCalledWith(undefined, { name: "Ada", recordId: 7, version: 4 }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });
});
