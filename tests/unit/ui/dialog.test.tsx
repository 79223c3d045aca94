import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";

function EditClientDialog() {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button>Edit client</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Edit client</DialogTitle>
          <DialogDescription>Change the contact details.</DialogDescription>
        </DialogHeader>
        <Input aria-label="Client name" />
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

describe("Dialog", () => {
  it("opens from its trigger, moves focus inside and closes on Escape", async () => {
    const user = userEvent.setup();
    render(<EditClientDialog />);

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    const trigger = screen.getByRole("button", { name: "Edit client" });
    await user.click(trigger);

    const dialog = screen.getByRole("dialog", { name: "Edit client" });
    expect(dialog).toHaveAccessibleDescription("Change the contact details.");
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });

  it("keeps Tab focus inside the open dialog", async () => {
    const user = userEvent.setup();
    render(<EditClientDialog />);
    await user.click(screen.getByRole("button", { name: "Edit client" }));

    const dialog = screen.getByRole("dialog");
    for (let i = 0; i < 5; i += 1) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
  });

  it("has a labelled close button", async () => {
    const user = userEvent.setup();
    render(<EditClientDialog />);
    await user.click(screen.getByRole("button", { name: "Edit client" }));

    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });
});
