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
    // The bars are no buttons or links (nothing interactive inside an image), yet a click on one still opens its service ...
    expect(image.querySelectorAll("button, a")).toHaveLength(0);
    const bar = image.querySelectorAll<HTMLElement>(".tremor-BarList-bar");
    expect(bar).toHaveLength(2);
    bar[1]!.click();
    expect(push).toHaveBeenCalledWith("/admin/services/2");
    // ... and the keyboard and screen readers have the same links on the page, as a table.
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
