import { act, render, screen } from "@testing-library/react";
import { ChartImage } from "@/components/charts/chart-image";
import { ServicesChart } from "@/components/charts/services-chart";

const push = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

const bars = [
  { key: "1", name: "Bookkeeping", value: 350000, href: "/admin/services/1" },
  { key: "2", name: "Payroll", value: 120000, href: "/admin/services/2" },
];

describe("ChartImage", () => {
  it("is one labelled image: the chart's own parts are hidden and out of the tab order", () => {
    const { container } = render(
      <ChartImage label="Bar chart of the top services by invoiced value">
        <ServicesChart data={bars} currency="USD" locale="en-US" />
      </ChartImage>,
    );
    const image = screen.getByRole("img", { name: "Bar chart of the top services by invoiced value" });
    // Tremor's bar buttons are still there for the mouse (a click opens the service) ...
    const buttons = Array.from(image.querySelectorAll("button"));
    expect(buttons).toHaveLength(2);
    buttons[0]!.click();
    expect(push).toHaveBeenCalledWith("/admin/services/1");
    // ... but not for the keyboard or a screen reader: the same links are on the page as a table.
    expect(buttons.map((b) => b.getAttribute("tabindex"))).toEqual(["-1", "-1"]);
    expect(image.firstElementChild).toHaveAttribute("aria-hidden", "true");
    expect(screen.queryAllByRole("button")).toEqual([]);
    // Tremor puts aria-sort on the bar list's div, where it isn't allowed.
    expect(container.querySelector("[aria-sort]")).toBeNull();
  });

  it("takes what the chart draws later out of the tab order too", async () => {
    render(
      <ChartImage label="Donut chart">
        <div data-testid="drawing" />
      </ChartImage>,
    );
    const drawing = screen.getByTestId("drawing");
    const late = document.createElement("div");
    late.setAttribute("tabindex", "0");
    await act(async () => {
      drawing.appendChild(late);
      await Promise.resolve();
    });
    expect(late).toHaveAttribute("tabindex", "-1");
  });
});
