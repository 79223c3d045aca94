import { pageCountOf, redirectPastLastPage } from "@/lib/pagination";

/** Where redirectPastLastPage sends the request, or null when it lets the page render. */
function redirectedTo(list: Parameters<typeof redirectPastLastPage>[0]): string | null {
  try {
    redirectPastLastPage(list);
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (!digest?.startsWith("NEXT_REDIRECT;")) throw error;
    return digest.split(";")[2]!;
  }
}

const invoices = { pathname: "/staff/invoices", pageSize: 25 };

describe("pageCountOf", () => {
  it("counts whole pages, and one page for an empty list", () => {
    expect(pageCountOf(0, 25)).toBe(1);
    expect(pageCountOf(25, 25)).toBe(1);
    expect(pageCountOf(26, 25)).toBe(2);
    expect(pageCountOf(30, 20)).toBe(2);
  });
});

describe("redirectPastLastPage", () => {
  it("sends page 9 of a 30-row list to its last page, page 2, instead of the list's empty state", () => {
    expect(redirectedTo({ ...invoices, page: 9, total: 30, searchParams: { page: "9" } })).toBe("/staff/invoices?page=2");
  });

  it("keeps every filter, the sort and the search, repeated params included, and drops the old page", () => {
    const searchParams = { status: ["sent", "overdue"], q: "acme co", sort: "-total", page: ["9", "3"], client: "12", empty: undefined };
    expect(redirectedTo({ ...invoices, page: 9, total: 30, searchParams })).toBe("/staff/invoices?status=sent&status=overdue&q=acme+co&sort=-total&client=12&page=2");
  });

  it("sends a page past a one-page list to page 1", () => {
    expect(redirectedTo({ pathname: "/staff/unpaid", pageSize: 25, page: 2, total: 3, searchParams: { filter: "overdue", page: "2" } })).toBe("/staff/unpaid?filter=overdue&page=1");
  });

  it("leaves every page that has rows alone, the last one included", () => {
    for (const page of [1, 2]) expect(redirectedTo({ ...invoices, page, total: 30, searchParams: { page: String(page) } })).toBeNull();
    expect(redirectedTo({ ...invoices, page: 2, total: 50, searchParams: { page: "2" } })).toBeNull();
  });

  it("leaves an empty list, or a filter that matches nothing, to its own empty state", () => {
    expect(redirectedTo({ ...invoices, page: 1, total: 0, searchParams: {} })).toBeNull();
    expect(redirectedTo({ ...invoices, page: 9, total: 0, searchParams: { page: "9" } })).toBeNull();
    expect(redirectedTo({ ...invoices, page: 4, total: 0, searchParams: { q: "nobody", page: "4" } })).toBeNull();
  });
});
