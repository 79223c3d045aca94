import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { Button } from "@/components/ui/button";

describe("Button", () => {
  it("is disabled and announces busy while pending, so a form cannot be submitted twice", async () => {
    const onClick = jest.fn();
    render(
      <Button pending onClick={onClick}>
        Save client
      </Button>,
    );

    const button = screen.getByRole("button", { name: "Save client" });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute("aria-busy", "true");
    expect(button.querySelector("svg.animate-spin")).toBeInTheDocument();

    await userEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it("is clickable and not busy by default", async () => {
    const onClick = jest.fn();
    render(<Button onClick={onClick}>Save client</Button>);

    const button = screen.getByRole("button", { name: "Save client" });
    expect(button).toBeEnabled();
    expect(button).not.toHaveAttribute("aria-busy");
    expect(button.querySelector("svg")).not.toBeInTheDocument();

    await userEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it("renders its child element with button styles when asChild is set", () => {
    render(
      <Button asChild variant="outline">
        <a href="/clients/new">New client</a>
      </Button>,
    );

    const link = screen.getByRole("link", { name: "New client" });
    expect(link).toHaveAttribute("href", "/clients/new");
    expect(link).toHaveClass("border-input");
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("keeps the spinner inside the child element when asChild is pending", () => {
    render(
      <Button asChild pending>
        <a href="/export">Export</a>
      </Button>,
    );

    const link = screen.getByRole("link", { name: "Export" });
    expect(link).toHaveAttribute("aria-busy", "true");
    expect(link.querySelector("svg.animate-spin")).toBeInTheDocument();
  });
});
