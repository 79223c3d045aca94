import { render, screen, within } from "@testing-library/react";

import { Pagination } from "@/components/ui/pagination";
import { pageHref } from "@/lib/pagination";

describe("pageHref", () => {
  it("keeps every other search param and replaces the page", () => {
    expect(pageHref("/clients", { q: "acme co", status: ["active", "lead"], page: "4", empty: undefined }, 2)).toBe("/clients?q=acme+co&status=active&status=lead&page=2");
  });

  it("works without other params", () => {
    expect(pageHref("/invoices", {}, 3)).toBe("/invoices?page=3");
  });
});

describe("Pagination", () => {
  const base = { pathname: "/clients", searchParams: { q: "acme", page: "1" } };

  it("marks the current page and disables Previous on the first page", () => {
    render(<Pagination {...base} page={1} pageCount={5} />);

    const nav = screen.getByRole("navigation", { name: "Pagination" });
    expect(within(nav).queryByRole("link", { name: /previous/i })).not.toBeInTheDocument();
    expect(within(nav).getByText("Previous").closest("[aria-disabled]")).toHaveAttribute("aria-disabled", "true");

    expect(within(nav).getByRole("link", { name: "Page 1" })).toHaveAttribute("aria-current", "page");
    expect(within(nav).getByRole("link", { name: "Page 2" })).not.toHaveAttribute("aria-current");
    expect(within(nav).getByRole("link", { name: /next/i })).toHaveAttribute("href", "/clients?q=acme&page=2");
  });

  it("disables Next on the last page and links back with the filters kept", () => {
    render(<Pagination {...base} searchParams={{ q: "acme", page: "5" }} page={5} pageCount={5} />);

    const nav = screen.getByRole("navigation", { name: "Pagination" });
    expect(within(nav).queryByRole("link", { name: /next/i })).not.toBeInTheDocument();
    expect(within(nav).getByText("Next").closest("[aria-disabled]")).toHaveAttribute("aria-disabled", "true");
    expect(within(nav).getByRole("link", { name: /previous/i })).toHaveAttribute("href", "/clients?q=acme&page=4");
  });

  it("shows the first, last and neighbouring pages with gaps in between", () => {
    render(<Pagination {...base} page={6} pageCount={20} />);

    const nav = screen.getByRole("navigation", { name: "Pagination" });
    const pages = within(nav)
      .getAllByRole("link", { name: /^Page \d+$/ })
      .map((link) => link.textContent);
    expect(pages).toEqual(["1", "5", "6", "7", "20"]);
    expect(within(nav).getAllByText("…")).toHaveLength(2);
    expect(within(nav).getByText("Page 6 of 20")).toBeInTheDocument();
  });

  it("shows a page number instead of an ellipsis that would hide a single page", () => {
    render(<Pagination {...base} page={3} pageCount={5} />);

    const pages = screen.getAllByRole("link", { name: /^Page \d+$/ }).map((link) => link.textContent);
    expect(pages).toEqual(["1", "2", "3", "4", "5"]);
    expect(screen.queryByText("…")).not.toBeInTheDocument();
  });

  it("tells how many items are shown", () => {
    render(<Pagination {...base} page={2} pageCount={16} total={312} pageSize={20} />);
    expect(screen.getByText("Showing 21–40 of 312")).toBeInTheDocument();
  });

  it("renders only the count when everything fits on one page", () => {
    const { container } = render(<Pagination {...base} page={1} pageCount={1} total={7} pageSize={20} />);
    expect(screen.queryByRole("navigation")).not.toBeInTheDocument();
    expect(screen.getByText("Showing 1–7 of 7")).toBeInTheDocument();
    expect(container.querySelectorAll("a")).toHaveLength(0);
  });

  it("renders nothing for a single page without a total", () => {
    const { container } = render(<Pagination {...base} page={1} pageCount={1} />);
    expect(container).toBeEmptyDOMElement();
  });
});
