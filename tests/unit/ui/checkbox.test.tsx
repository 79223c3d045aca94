import type { ReactNode } from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";

function renderInForm(checkbox: ReactNode) {
  render(
    <form aria-label="Preferences">
      {checkbox}
      <Label htmlFor="reminders">Send payment reminders</Label>
    </form>,
  );
  return screen.getByRole("form", { name: "Preferences" }) as HTMLFormElement;
}

describe("Checkbox", () => {
  it('posts "on" in the form data once checked, like a native checkbox', async () => {
    const user = userEvent.setup();
    const form = renderInForm(<Checkbox id="reminders" name="reminders" />);

    const checkbox = screen.getByRole("checkbox", { name: "Send payment reminders" });
    expect(checkbox).not.toBeChecked();
    expect(new FormData(form).has("reminders")).toBe(false);

    await user.click(checkbox);
    expect(checkbox).toBeChecked();
    expect(new FormData(form).get("reminders")).toBe("on");

    await user.click(checkbox);
    expect(new FormData(form).has("reminders")).toBe(false);
  });

  it("toggles from its label and posts a custom value", async () => {
    const user = userEvent.setup();
    const form = renderInForm(<Checkbox id="reminders" name="channel" value="sms" />);

    await user.click(screen.getByText("Send payment reminders"));
    expect(screen.getByRole("checkbox")).toBeChecked();
    expect(new FormData(form).get("channel")).toBe("sms");
  });

  it("posts a default-checked value without interaction", () => {
    const form = renderInForm(<Checkbox id="reminders" name="reminders" defaultChecked />);
    expect(new FormData(form).get("reminders")).toBe("on");
  });

  it("reports each change and shows a mixed state for a partial selection", async () => {
    const user = userEvent.setup();
    const changes: boolean[] = [];
    const { rerender } = render(<Checkbox aria-label="Select all" checked="indeterminate" onCheckedChange={(v) => changes.push(v)} />);
    const box = screen.getByRole("checkbox", { name: "Select all" }) as HTMLInputElement;
    expect(box.indeterminate).toBe(true);
    expect(box).toHaveAttribute("aria-checked", "mixed");

    await user.click(box);
    expect(changes).toEqual([true]);
    rerender(<Checkbox aria-label="Select all" checked onCheckedChange={(v) => changes.push(v)} />);
    expect(box.indeterminate).toBe(false);
    expect(box).toBeChecked();

    box.focus();
    await user.keyboard(" ");
    expect(changes).toEqual([true, false]);
  });
});
