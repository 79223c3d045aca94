import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { forwardRef } from "react";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";

// next/form needs the app router; a plain GET form behaves the same for these checks.
const submitted: string[] = [];
jest.mock("next/form", () => ({
  __esModule: true,
  default: forwardRef<HTMLFormElement, React.ComponentProps<"form">>(function Form(props, ref) {
    return (
      <form
        ref={ref}
        {...props}
        onSubmit={(e) => {
          e.preventDefault();
          submitted.push(new URLSearchParams(new FormData(e.currentTarget) as unknown as Record<string, string>).toString());
        }}
      />
    );
  }),
}));

const base = { action: "/staff", preset: "12m" as const, from: "2025-06-01", to: "2026-05-17", today: "2026-05-17", error: null, currencies: ["USD"], currency: "USD" };

beforeEach(() => {
  submitted.length = 0;
  HTMLFormElement.prototype.requestSubmit = function requestSubmit(this: HTMLFormElement) {
    this.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
  };
});

describe("the dashboard period picker", () => {
  it("applies a preset as soon as it is picked", async () => {
    render(<DashboardFilters {...base} />);
    await userEvent.selectOptions(screen.getByLabelText("Period"), "This month");
    await new Promise((r) => setTimeout(r, 0));
    expect(submitted).toEqual(["range=month"]);
    expect(screen.queryByLabelText("From")).not.toBeInTheDocument();
  });

  it("asks for two dates for a custom range and applies them with its button", async () => {
    render(<DashboardFilters {...base} />);
    await userEvent.selectOptions(screen.getByLabelText("Period"), "Custom range");
    expect(submitted).toEqual([]);
    await userEvent.clear(screen.getByLabelText("From"));
    await userEvent.type(screen.getByLabelText("From"), "2026-01-01");
    await userEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(submitted).toEqual(["range=custom&from=2026-01-01&to=2026-05-17"]);
  });

  it("explains a custom range it could not use, next to the dates", () => {
    render(<DashboardFilters {...base} error="The start date must be on or before the end date." />);
    expect(screen.getByRole("alert")).toHaveTextContent("The start date must be on or before the end date. Showing last 12 months instead.");
    expect(screen.getByLabelText("From")).toHaveAttribute("aria-invalid", "true");
  });

  it("offers a currency only when there is more than one", () => {
    const { rerender } = render(<DashboardFilters {...base} />);
    expect(screen.queryByLabelText("Currency")).not.toBeInTheDocument();
    rerender(<DashboardFilters {...base} currencies={["EUR", "USD"]} />);
    expect(screen.getByLabelText("Currency")).toHaveValue("USD");
  });
});
