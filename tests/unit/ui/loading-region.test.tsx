import { render, screen } from "@testing-library/react";
import axe from "axe-core";
import { PageSkeleton } from "@/components/shell/page-skeleton";
import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";

// A section's stand-in while the server streams it. The accessibility crawl
// waits for the real page, so it never saw these: axe found the name on a
// role-less div (aria-prohibited-attr) only on a page caught mid-stream.

describe("loading stand-ins", () => {
  it("are a busy status named for what is loading, with the skeletons hidden from screen readers", () => {
    render(
      <LoadingRegion label="Loading invoices">
        <Skeleton className="h-12" />
      </LoadingRegion>,
    );
    const status = screen.getByRole("status", { name: "Loading invoices" });
    expect(status).toHaveAttribute("aria-busy", "true");
    expect(status.firstElementChild).toHaveAttribute("aria-hidden", "true");
  });

  it("pass axe's ARIA rules, the page skeleton of every loading.tsx too", async () => {
    const { container } = render(<PageSkeleton metadata={{ title: "Unpaid clients" }} />);
    const result = await axe.run(container, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] }, rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
    expect(result.violations.map((v) => v.id)).toEqual([]);
    expect(screen.getByRole("status", { name: "Loading" })).toBeInTheDocument();
  });

  it("keep the page's title in the tab while the page streams (Next drops the last page's until the new metadata comes)", () => {
    render(<PageSkeleton metadata={{ title: "Unpaid clients" }} />);
    expect(document.title).toBe("Unpaid clients · ClientDesk");
  });
});
