import { render, screen } from "@testing-library/react";
import { InvoiceTotals } from "@/components/invoices/invoice-totals";
import { amountOwed } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";

const money = (minor: number) => formatMoney(minor, "EUR", "de-DE");

function totals(invoice: Parameters<typeof InvoiceTotals>[0]["invoice"]) {
  render(
    <dl>
      <InvoiceTotals invoice={invoice} money={money} />
    </dl>,
  );
  const row = (term: string) => screen.getByText(term, { selector: "dt" }).nextElementSibling?.textContent;
  return { total: row("Total"), paid: row("Paid"), balance: screen.getByTestId("balance-due").textContent };
}

describe("one rule for what an invoice owes, and one block that shows it", () => {
  it("owes the total less what was paid, never below zero, and nothing once void", () => {
    expect(amountOwed({ status: "partially_paid", totalMinor: 216_50, amountPaidMinor: 100_00 })).toBe(116_50);
    expect(amountOwed({ status: "paid", totalMinor: 50_00, amountPaidMinor: 60_00 })).toBe(0);
    expect(amountOwed({ status: "void", totalMinor: 216_50, amountPaidMinor: 0 })).toBe(0);
    expect(amountOwed({ status: "draft", totalMinor: 10_00, amountPaidMinor: 0 })).toBe(10_00);
  });

  it("lists total, paid and the balance in the invoice's currency and the business's locale", () => {
    const { total, paid, balance } = totals({ status: "partially_paid", totalMinor: 1_234_50, amountPaidMinor: 234_50 });
    expect(total).toBe(money(1_234_50));
    expect(total).toContain("1.234,50");
    expect(paid).toBe(money(234_50));
    expect(balance).toBe(money(1_000_00));
  });

  it("shows a void invoice's balance as zero while its total stays", () => {
    const { total, balance } = totals({ status: "void", totalMinor: 99_00, amountPaidMinor: 0 });
    expect(total).toBe(money(99_00));
    expect(balance).toBe(money(0));
  });
});
