import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

function ClientTabs() {
  return (
    <Tabs defaultValue="overview">
      <TabsList aria-label="Client sections">
        <TabsTrigger value="overview">Overview</TabsTrigger>
        <TabsTrigger value="invoices">Invoices</TabsTrigger>
      </TabsList>
      <TabsContent value="overview">Contact details</TabsContent>
      <TabsContent value="invoices">Invoice history</TabsContent>
    </Tabs>
  );
}

describe("Tabs", () => {
  it("shows the panel of the selected tab", async () => {
    const user = userEvent.setup();
    render(<ClientTabs />);

    expect(screen.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel")).toHaveTextContent("Contact details");

    await user.click(screen.getByRole("tab", { name: "Invoices" }));
    expect(screen.getByRole("tab", { name: "Invoices" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "Invoices" })).toHaveTextContent("Invoice history");
  });

  it("moves between tabs with the arrow keys", async () => {
    const user = userEvent.setup();
    render(<ClientTabs />);

    await user.click(screen.getByRole("tab", { name: "Overview" }));
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Invoices" })).toHaveFocus();
    expect(screen.getByRole("tabpanel")).toHaveTextContent("Invoice history");
  });
});
