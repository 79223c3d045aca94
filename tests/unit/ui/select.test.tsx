import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";

describe("Select", () => {
  it("is a native select that posts the chosen option with the form", async () => {
    const user = userEvent.setup();
    render(
      <form aria-label="Filter">
        <FormField id="status" label="Status">
          <Select name="status" defaultValue="" {...fieldA11y("status", undefined)}>
            <option value="">Any status</option>
            <option value="paid">Paid</option>
            <option value="overdue">Overdue</option>
          </Select>
        </FormField>
      </form>,
    );

    const select = screen.getByRole("combobox", { name: "Status" });
    await user.selectOptions(select, "Overdue");

    expect(select).toHaveValue("overdue");
    const form = screen.getByRole("form", { name: "Filter" }) as HTMLFormElement;
    expect(new FormData(form).get("status")).toBe("overdue");
  });

  it("flags an invalid choice like the other fields", () => {
    render(
      <Select aria-label="Currency" aria-invalid>
        <option>EUR</option>
      </Select>,
    );
    const select = screen.getByRole("combobox", { name: "Currency" });
    expect(select).toHaveAttribute("aria-invalid", "true");
    expect(select).toHaveClass("aria-[invalid=true]:border-destructive");
  });
});
