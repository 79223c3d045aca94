import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

function RowActions({ onEdit, onArchive }: { onEdit: () => void; onArchive: (checked: boolean) => void }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost">Actions</Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>Acme Ltd</DropdownMenuLabel>
        <DropdownMenuGroup>
          <DropdownMenuItem onSelect={onEdit}>Edit</DropdownMenuItem>
          <DropdownMenuCheckboxItem checked={false} onCheckedChange={onArchive}>
            Archived
          </DropdownMenuCheckboxItem>
        </DropdownMenuGroup>
        <DropdownMenuSeparator />
        <DropdownMenuRadioGroup value="monthly">
          <DropdownMenuRadioItem value="monthly">Monthly</DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="yearly">Yearly</DropdownMenuRadioItem>
        </DropdownMenuRadioGroup>
        <DropdownMenuItem variant="destructive">Delete</DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

describe("DropdownMenu", () => {
  it("opens from the keyboard and runs the chosen item", async () => {
    const user = userEvent.setup();
    const onEdit = jest.fn();
    render(<RowActions onEdit={onEdit} onArchive={jest.fn()} />);

    screen.getByRole("button", { name: "Actions" }).focus();
    await user.keyboard("{Enter}");

    const menu = screen.getByRole("menu");
    expect(menu).toBeInTheDocument();
    expect(screen.getByRole("menuitemradio", { name: "Monthly" })).toBeChecked();
    expect(screen.getByRole("menuitemcheckbox", { name: "Archived" })).not.toBeChecked();

    await user.click(screen.getByRole("menuitem", { name: "Edit" }));
    expect(onEdit).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
  });

  it("toggles a checkbox item", async () => {
    const user = userEvent.setup();
    const onArchive = jest.fn();
    render(<RowActions onEdit={jest.fn()} onArchive={onArchive} />);

    screen.getByRole("button", { name: "Actions" }).focus();
    await user.keyboard("{Enter}");
    await user.click(screen.getByRole("menuitemcheckbox", { name: "Archived" }));

    expect(onArchive).toHaveBeenCalledWith(true);
  });
});
