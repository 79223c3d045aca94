import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Resolver } from "react-hook-form";
import { InvoiceForm } from "@/components/invoices/invoice-form";
import { currencyChoices } from "@/lib/currencies";
import { stubClientOptionsFetch } from "../../support/client-options-fetch";

jest.mock("next/navigation", () => ({ useRouter: () => ({ push: jest.fn(), refresh: jest.fn() }) }));
jest.mock("@/lib/actions/invoices/save-invoice-draft", () => ({ saveInvoiceDraft: jest.fn() }));
jest.mock("@/lib/actions/invoices/issue-invoice", () => ({ issueInvoice: jest.fn() }));

// The editor's check loads on first use, so its answer can come well after the click
// (a slow network): here it waits until the test lets it go.
let release: () => void = () => {};
jest.mock("@/components/invoices/invoice-form-resolver", () => {
  const actual = jest.requireActual("@/components/invoices/invoice-form-resolver");
  return {
    draftResolver: (...args: unknown[]) => {
      const check = actual.draftResolver(...args) as Resolver;
      return async (...call: Parameters<Resolver>) => {
        await new Promise<void>((resolve) => (release = resolve));
        return check(...call);
      };
    },
  };
});

const defaults = { currency: "USD", taxRateBp: 0, dueDays: 14, today: "2026-04-02", locale: "en-US" };

stubClientOptionsFetch();

it("puts the cursor on the first field to fix when the check answers after the click", async () => {
  // In Chromium the next frame can come before React has drawn the errors (seen with the check
  // loading during the click); here every frame comes at once, so a focus taken on the next frame finds no field.
  jest.spyOn(window, "requestAnimationFrame").mockImplementation((callback) => {
    callback(0);
    return 0;
  });
  render(<InvoiceForm area="/admin" services={[]} defaults={defaults} currencies={currencyChoices({ preferred: ["USD"] })} client={null} />);
  await userEvent.click(screen.getByRole("button", { name: "Save draft" }));
  expect(screen.getByRole("button", { name: "Save draft" })).toHaveFocus();
  // Several frames pass before the answer comes.
  await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
  await act(async () => release());
  expect(await screen.findByText("Check the highlighted fields.")).toBeInTheDocument();
  await waitFor(() => expect(document.activeElement).toHaveAttribute("aria-invalid", "true"));
});
