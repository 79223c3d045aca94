import { render, screen } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";

import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

function DeleteClient({ onDelete }: { onDelete: () => void }) {
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="destructive">Delete client</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete Acme Ltd?</AlertDialogTitle>
          <AlertDialogDescription>Their invoices stay in the archive.</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={onDelete}>
            Delete
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

describe("AlertDialog", () => {
  it("stays open on an outside click and starts on the safe choice", async () => {
    // The modal sets pointer-events: none on the page behind it; click there anyway, as a user would try to.
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    const onDelete = jest.fn();
    render(<DeleteClient onDelete={onDelete} />);

    await user.click(screen.getByRole("button", { name: "Delete client" }));
    const dialog = screen.getByRole("alertdialog", { name: "Delete Acme Ltd?" });
    expect(dialog).toHaveAccessibleDescription("Their invoices stay in the archive.");
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();

    await user.click(document.body);
    expect(screen.getByRole("alertdialog")).toBeInTheDocument();
    expect(onDelete).not.toHaveBeenCalled();
  });

  it("closes without acting on Cancel", async () => {
    const user = userEvent.setup();
    const onDelete = jest.fn();
    render(<DeleteClient onDelete={onDelete} />);

    await user.click(screen.getByRole("button", { name: "Delete client" }));
    await user.click(screen.getByRole("button", { name: "Cancel" }));

    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(onDelete).not.toHaveBeenCalled();
  });

  it("runs the action and closes on Action", async () => {
    const user = userEvent.setup();
    const onDelete = jest.fn();
    render(<DeleteClient onDelete={onDelete} />);

    await user.click(screen.getByRole("button", { name: "Delete client" }));
    const action = screen.getByRole("button", { name: "Delete" });
    expect(action).toHaveClass("bg-destructive");
    await user.click(action);

    expect(onDelete).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });
});
