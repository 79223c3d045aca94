import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { PhoneInput } from "@/components/forms/phone-input";
import { BusinessRegionProvider } from "@/components/phone/business-region";
import type { PhoneField } from "@/lib/phone-regions";

// The phone metadata (lib/phone, awesome-phonenumber) is a chunk of its own: this counts when the field asks for it.
// (On globalThis: jest hoists the mock above this file's own variables.)
const metadataLoads = () => (globalThis as { phoneMetadataLoads?: number }).phoneMetadataLoads ?? 0;
jest.mock("@/lib/phone", () => {
  const counter = globalThis as { phoneMetadataLoads?: number };
  counter.phoneMetadataLoads = (counter.phoneMetadataLoads ?? 0) + 1;
  return jest.requireActual("@/lib/phone");
});

function Form({ region, stored, returned }: { region: string; stored?: PhoneField; returned?: { phone: string; phoneCountry: string } }) {
  return (
    <BusinessRegionProvider region={region}>
      <form aria-label="phone form">
        <label htmlFor="phone">Mobile phone</label>
        <PhoneInput id="phone" name="phone" stored={stored} returned={returned} />
      </form>
    </BusinessRegionProvider>
  );
}

// jsdom lays nothing out, so it has no scrollIntoView; the picker keeps its active option in view with it.
beforeAll(() => {
  Element.prototype.scrollIntoView = jest.fn();
});

const posted = () => Object.fromEntries(new FormData(screen.getByRole("form", { name: "phone form" }) as HTMLFormElement));

describe("the phone input", () => {
  // First, while nothing in this file has loaded the metadata yet.
  it("draws a stored number, its country and an example without the metadata, and loads it when focus arrives", async () => {
    render(<Form region="US" stored={{ region: "JP", national: "03-1234-5678", international: "+81 3-1234-5678" }} />);
    expect(screen.getByRole("button", { name: "Phone country: Japan, JP +81" })).toBeInTheDocument();
    expect(screen.getByLabelText("Mobile phone")).toHaveValue("03-1234-5678");
    expect(screen.getByLabelText("Mobile phone")).toHaveAttribute("placeholder", "e.g. 090-1234-5678");
    expect(screen.getByText("+81 3-1234-5678")).toBeInTheDocument();
    expect(metadataLoads()).toBe(0);
    await userEvent.click(screen.getByLabelText("Mobile phone"));
    await waitFor(() => expect(metadataLoads()).toBe(1));
    await userEvent.type(screen.getByLabelText("Mobile phone"), "9");
    // Now read with the metadata: one digit too many can't be a Japanese number.
    expect(screen.queryByText(/Valid number/)).not.toBeInTheDocument();
  });

  it("formats what was typed before the metadata arrived when it does", async () => {
    render(<Form region="GB" />);
    const field = screen.getByLabelText("Mobile phone");
    // Typed in one go, before the module's promise can settle.
    fireEvent.change(field, { target: { value: "02079460018" } });
    expect(field).toHaveValue("02079460018");
    fireEvent.focus(field);
    await waitFor(() => expect(field).toHaveValue("020 7946 0018"));
    expect(screen.getByText("+44 20 7946 0018")).toBeInTheDocument();
  });

  it("starts on the business's country and formats the number as it is typed", async () => {
    render(<Form region="DE" />);
    expect(screen.getByRole("button", { name: "Phone country: Germany, DE +49" })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Mobile phone"), "015123456789");
    expect(screen.getByLabelText("Mobile phone")).toHaveValue("01512 3456789");
    expect(screen.getByText("+49 1512 3456789")).toBeInTheDocument();
    expect(posted()).toEqual({ phone: "01512 3456789", phoneCountry: "DE" });
  });

  it("picks a country by keyboard: search, arrows, Enter", async () => {
    render(<Form region="US" />);
    await userEvent.click(screen.getByRole("button", { name: "Phone country: United States, US +1" }));
    // The list (Radix's popover) loads on the first click, then opens with the search focused.
    const search = await screen.findByRole("combobox", { name: "Search phone country" });
    await waitFor(() => expect(search).toHaveFocus());
    await userEvent.type(search, "44");
    // Calling code 44: Guernsey, Isle of Man, Jersey, United Kingdom, in name order.
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Guernsey+44", "Isle of Man+44", "Jersey+44", "United Kingdom+44"]);
    await userEvent.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}{End}{Enter}");
    expect(screen.getByRole("button", { name: "Phone country: United Kingdom, GB +44" })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Mobile phone"), "02079460018");
    expect(posted()).toEqual({ phone: "020 7946 0018", phoneCountry: "GB" });
  });

  it("after a refused submission, shows what was typed with its country rather than the stored number", () => {
    render(<Form region="US" stored={{ region: "JP", national: "03-1234-5678", international: "+81 3-1234-5678" }} returned={{ phone: "020 7946 001", phoneCountry: "GB" }} />);
    expect(screen.getByRole("button", { name: "Phone country: United Kingdom, GB +44" })).toBeInTheDocument();
    expect(screen.getByLabelText("Mobile phone")).toHaveValue("020 7946 001");
    expect(screen.queryByText(/Valid number/)).not.toBeInTheDocument();
  });

  it("a + number names its own country in the picker", async () => {
    render(<Form region="US" />);
    await userEvent.type(screen.getByLabelText("Mobile phone"), "+442079460018");
    expect(screen.getByLabelText("Mobile phone")).toHaveValue("+44 20 7946 0018");
    expect(screen.getByRole("button", { name: "Phone country: United Kingdom, GB +44" })).toBeDisabled();
  });
});

describe("showing a number", () => {
  it("national at home, international abroad", async () => {
    // A server component: it formats with the metadata on the server.
    const { PhoneNumber } = await import("@/components/phone/phone-number");
    render(
      <>
        <PhoneNumber region="GB" value="+442079460018" link />
        <PhoneNumber region="GB" value="+14155550100" />
      </>,
    );
    expect(screen.getByRole("link", { name: "020 7946 0018" })).toHaveAttribute("href", "tel:+442079460018");
    expect(screen.getByText("+1 415-555-0100")).toBeInTheDocument();
  });
});
