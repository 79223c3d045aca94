import { render, screen } from "@testing-library/react";

import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

describe("fieldA11y", () => {
  it("marks the control invalid only when there is an error", () => {
    expect(fieldA11y("email", undefined)).toEqual({
      id: "email",
      "aria-invalid": undefined,
      "aria-describedby": undefined,
    });
    expect(fieldA11y("email", [])["aria-invalid"]).toBeUndefined();
    expect(fieldA11y("email", "")["aria-invalid"]).toBeUndefined();
    expect(fieldA11y("email", ["Required"])).toEqual({
      id: "email",
      "aria-invalid": true,
      "aria-describedby": "email-error",
    });
  });

  it("points at the hint and the error together", () => {
    expect(fieldA11y("email", "Required", "We never share it")["aria-describedby"]).toBe("email-hint email-error");
  });
});

describe("FormField", () => {
  it("labels the control and reads the error to screen readers", () => {
    render(
      <FormField id="email" label="Email" error={["Enter a valid email", "Too long"]}>
        <Input name="email" {...fieldA11y("email", ["Enter a valid email", "Too long"])} />
      </FormField>,
    );

    const input = screen.getByLabelText("Email");
    expect(input).toHaveAttribute("name", "email");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("Enter a valid email");
    expect(screen.getByText("Enter a valid email")).toHaveAttribute("id", "email-error");
    expect(screen.queryByText("Too long")).not.toBeInTheDocument();
  });

  it("shows the hint and no error for a valid field", () => {
    render(
      <FormField id="phone" label="Phone" hint="Include the country code">
        <Input {...fieldA11y("phone", undefined, "Include the country code")} />
      </FormField>,
    );

    const input = screen.getByLabelText("Phone");
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(input).toHaveAccessibleDescription("Include the country code");
    expect(document.getElementById("phone-error")).not.toBeInTheDocument();
  });

  it("marks required fields with a hidden asterisk and a spoken 'required'", () => {
    render(
      <FormField id="name" label="Name" required>
        <Input {...fieldA11y("name", undefined)} required />
      </FormField>,
    );

    const input = screen.getByRole("textbox", { name: "Name (required)" });
    expect(input).toHaveAttribute("id", "name");
    expect(screen.getByText("*")).toHaveAttribute("aria-hidden", "true");
  });
});
