import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ArchiveToggle, DeleteRecordCard } from "@/components/forms/record-lifecycle";
import { Toaster } from "@/components/ui/toast";
import type { FormState } from "@/lib/form-state";

// Archive, restore and delete look and read the same for every kind of record
// (clients and services share these components): the button, the question, the
// confirm label and the toast name the record and its kind.

const refresh = jest.fn();
const push = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push }) }));

// jsdom has no matchMedia or pointer capture, which the toaster's theme and swipe handling call.
window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addListener() {}, removeListener() {} })) as unknown as typeof window.matchMedia;
Element.prototype.setPointerCapture ??= () => {};
Element.prototype.releasePointerCapture ??= () => {};
Element.prototype.hasPointerCapture ??= () => false;

const done = async (): Promise<FormState<void>> => ({ ok: true, fieldErrors: {}, formError: null });

beforeEach(() => {
  refresh.mockReset();
  push.mockReset();
});

it("archives a record after asking, naming it and its kind, and says so", async () => {
  const user = userEvent.setup();
  const archive = jest.fn(done);
  const restore = jest.fn(done);
  render(
    <>
      <ArchiveToggle
        record={{ id: 4, name: "Acme", archived: false }}
        noun="client"
        archive={archive}
        restore={restore}
        archiveDescription="Acme leaves the lists."
        restoreDescription="Acme comes back."
      />
      <Toaster />
    </>,
  );
  expect(screen.queryByRole("button", { name: "Restore" })).toBeNull();
  await user.click(screen.getByRole("button", { name: "Archive" }));
  const dialog = await screen.findByRole("alertdialog", { name: "Archive Acme?" });
  expect(within(dialog).getByText("Acme leaves the lists.")).toBeInTheDocument();
  await user.click(within(dialog).getByRole("button", { name: "Archive client" }));
  await waitFor(() => expect(archive).toHaveBeenCalledWith(undefined, { id: 4 }));
  expect(restore).not.toHaveBeenCalled();
  expect(await screen.findByText("Client archived")).toBeInTheDocument();
  expect(refresh).toHaveBeenCalled();
});

it("offers an archived record's restore instead, with its own question and toast", async () => {
  const user = userEvent.setup();
  const archive = jest.fn(done);
  const restore = jest.fn(done);
  render(
    <>
      <ArchiveToggle
        record={{ id: 9, name: "Pruning", archived: true }}
        noun="service"
        archive={archive}
        restore={restore}
        archiveDescription="It leaves."
        restoreDescription="It returns to the catalogue."
      />
      <Toaster />
    </>,
  );
  expect(screen.queryByRole("button", { name: "Archive" })).toBeNull();
  await user.click(screen.getByRole("button", { name: "Restore" }));
  const dialog = await screen.findByRole("alertdialog", { name: "Restore Pruning?" });
  expect(within(dialog).getByText("It returns to the catalogue.")).toBeInTheDocument();
  await user.click(within(dialog).getByRole("button", { name: "Restore service" }));
  await waitFor(() => expect(restore).toHaveBeenCalledWith(undefined, { id: 9 }));
  expect(archive).not.toHaveBeenCalled();
  expect(await screen.findByText("Service restored")).toBeInTheDocument();
});

it("deletes a record with no history for good and goes to its list", async () => {
  const user = userEvent.setup();
  const remove = jest.fn(done);
  render(
    <>
      <DeleteRecordCard record={{ id: 3, name: "Acme" }} noun="client" action={remove} blockedReason={null} deletableDescription="Acme has no history." listHref="/admin/clients" />
      <Toaster />
    </>,
  );
  expect(screen.getByRole("heading", { name: "Delete this client" })).toBeInTheDocument();
  expect(screen.getByText("Acme has no history.")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Delete permanently" }));
  const dialog = await screen.findByRole("alertdialog", { name: "Delete Acme permanently?" });
  expect(within(dialog).getByText("This removes the client for good. It can't be undone.")).toBeInTheDocument();
  await user.click(within(dialog).getByRole("button", { name: "Delete for good" }));
  await waitFor(() => expect(remove).toHaveBeenCalledWith(undefined, { id: 3 }));
  await waitFor(() => expect(push).toHaveBeenCalledWith("/admin/clients"));
  expect(await screen.findByText("Client deleted")).toBeInTheDocument();
});

it("says why a record with history can't be deleted, and its button can't be pressed", async () => {
  const user = userEvent.setup();
  const remove = jest.fn(done);
  render(
    <DeleteRecordCard record={{ id: 3, name: "Pruning" }} noun="service" action={remove} blockedReason="Clients subscribed to it." deletableDescription="Nobody used it." listHref="/staff/services" />,
  );
  expect(screen.getByText("Clients subscribed to it.")).toBeInTheDocument();
  expect(screen.queryByText("Nobody used it.")).toBeNull();
  const button = screen.getByRole("button", { name: "Delete permanently" });
  expect(button).toBeDisabled();
  await user.click(button);
  expect(screen.queryByRole("alertdialog")).toBeNull();
  expect(remove).not.toHaveBeenCalled();
});
