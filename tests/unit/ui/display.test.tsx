import { render, screen } from "@testing-library/react";

import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Separator } from "@/components/ui/separator";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";

describe("Avatar", () => {
  it.each([
    ["Ada Lovelace", "AL"],
    ["  grace   brewster murray hopper ", "GH"],
    ["Cher", "C"],
    ["", "?"],
  ])("shows the initials of %j as %s and keeps the full name for screen readers", (name, initials) => {
    render(<Avatar name={name} />);
    const avatar = screen.getByRole("img");
    expect(avatar.querySelector("[data-initials]")).toHaveAttribute("data-initials", initials);
    expect(avatar).toHaveTextContent("");
    expect(avatar).toHaveAttribute("aria-label", name);
  });
});

describe("Table", () => {
  it("scrolls sideways inside its wrapper on narrow screens", () => {
    render(
      <Table>
        <TableCaption>Open invoices</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Number</TableHead>
            <TableHead>Amount</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableCell>INV-001</TableCell>
            <TableCell>€120.00</TableCell>
          </TableRow>
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell>Total</TableCell>
            <TableCell>€120.00</TableCell>
          </TableRow>
        </TableFooter>
      </Table>,
    );

    const table = screen.getByRole("table", { name: "Open invoices" });
    expect(table.parentElement).toHaveClass("overflow-x-auto");
    expect(screen.getByRole("columnheader", { name: "Amount" })).toBeInTheDocument();
    expect(screen.getAllByRole("row")).toHaveLength(3);
  });
});

describe("EmptyState", () => {
  it("explains the empty list and offers the next step", () => {
    render(<EmptyState icon={<svg data-testid="icon" />} title="No clients yet" description="Add your first client to start invoicing." action={<Button>Add client</Button>} />);

    expect(screen.getByRole("heading", { name: "No clients yet" })).toBeInTheDocument();
    expect(screen.getByText("Add your first client to start invoicing.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add client" })).toBeInTheDocument();
    expect(screen.getByTestId("icon").parentElement).toHaveAttribute("aria-hidden", "true");
  });
});

describe("small display pieces", () => {
  it("renders a card with a heading", () => {
    render(
      <Card>
        <CardHeader>
          <CardTitle>Revenue</CardTitle>
          <CardDescription>This month</CardDescription>
        </CardHeader>
        <CardContent>€4,200</CardContent>
        <CardFooter>Updated today</CardFooter>
      </Card>,
    );
    expect(screen.getByRole("heading", { level: 2, name: "Revenue" })).toBeInTheDocument();
  });

  it("lets a card title use another heading level", () => {
    render(
      <CardTitle asChild>
        <h3>Outstanding</h3>
      </CardTitle>,
    );
    expect(screen.getByRole("heading", { level: 3, name: "Outstanding" })).toHaveClass("font-semibold");
  });

  it("styles badges by variant", () => {
    render(<Badge variant="success">Paid</Badge>);
    expect(screen.getByText("Paid")).toHaveClass("bg-success", "text-success-foreground");
  });

  it("hides skeletons and decorative separators from assistive tech", () => {
    const { container } = render(
      <>
        <Skeleton className="h-4 w-32" />
        <Separator />
        <Separator decorative={false} orientation="vertical" />
      </>,
    );
    expect(container.querySelector(".animate-pulse")).toHaveAttribute("aria-hidden", "true");
    expect(screen.getAllByRole("separator")).toHaveLength(1);
    expect(screen.getByRole("separator")).toHaveAttribute("aria-orientation", "vertical");
  });

  it("flags an invalid textarea", () => {
    render(<Textarea aria-label="Notes" aria-invalid />);
    expect(screen.getByRole("textbox", { name: "Notes" })).toHaveAttribute("aria-invalid", "true");
  });
});
