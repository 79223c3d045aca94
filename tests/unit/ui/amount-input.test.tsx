import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AmountInput } from "@/components/forms/amount-input";

// The field rewrites a readable amount in the business's locale as the
// person leaves it, and leaves anything else exactly as typed.

describe("AmountInput", () => {
  it.each([
    ["de-DE", "EUR", "1234,5", "1.234,50"],
    ["de-DE", "EUR", "12,5 €", "12,50"],
    ["en-US", "USD", "1234.5", "1,234.50"],
    ["fr-FR", "EUR", "1234,5", "1\u202f234,50"],
    ["en-IN", "INR", "123456.5", "1,23,456.50"],
    ["ja-JP", "JPY", "1234", "1,234"],
  ])("in %s (%s) rewrites %s as %s on blur", async (locale, currency, typed, shown) => {
    const user = userEvent.setup();
    render(<AmountInput aria-label="Amount" name="amount" currency={currency} locale={locale} defaultValue="" />);
    const field = screen.getByLabelText("Amount");
    await user.type(field, typed);
    expect(field).toHaveValue(typed);
    await user.tab();
    expect(field).toHaveValue(shown);
  });

  it.each([
    ["de-DE", "EUR", "1,234.50"],
    ["en-US", "USD", "12,50"],
    ["en-IN", "INR", "123,456.50"],
    ["ja-JP", "JPY", "12.5"],
    ["en-US", "USD", "twelve"],
  ])("in %s (%s) leaves %s as typed: the server's field error names it", async (locale, currency, typed) => {
    const user = userEvent.setup();
    render(<AmountInput aria-label="Amount" name="amount" currency={currency} locale={locale} defaultValue="" />);
    const field = screen.getByLabelText("Amount");
    await user.type(field, typed);
    await user.tab();
    expect(field).toHaveValue(typed);
  });

  it("hands a controlled field's rewrite to onValueChange, and still runs the caller's onBlur", async () => {
    const user = userEvent.setup();
    const changed = jest.fn();
    const blurred = jest.fn();
    render(<AmountInput aria-label="Amount" currency="EUR" locale="de-DE" value="1234,5" onChange={() => undefined} onValueChange={changed} onBlur={blurred} />);
    await user.click(screen.getByLabelText("Amount"));
    await user.tab();
    expect(changed).toHaveBeenCalledWith("1.234,50");
    expect(blurred).toHaveBeenCalledTimes(1);
  });
});
