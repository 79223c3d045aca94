import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { PhoneInput } from "@/components/forms/phone-input";
import { BusinessRegionProvider } from "@/components/phone/business-region";
import { PhoneNumber } from "@/components/phone/phone-number";

function Form({ region, defaultValue }: { region: string; defaultValue?: string }) {
  return (
    <BusinessRegionProvider region={region}>
      <form aria-label="phone form">
        <label htmlFor="phone">Mobile phone</label>
        <PhoneInput id="phone" name="phone" defaultValue={defaultValue} />
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
    const search = screen.getByRole("combobox", { name: "Search phone country" });
    expect(search).toHaveFocus();
    await userEvent.type(search, "44");
    // Calling code 44: Guernsey, Isle of Man, Jersey, United Kingdom, in name order.
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Guernsey+44", "Isle of Man+44", "Jersey+44", "United Kingdom+44"]);
    await userEvent.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}{End}{Enter}");
    expect(screen.getByRole("button", { name: "Phone country: United Kingdom, GB +44" })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Mobile phone"), "02079460018");
    expect(posted()).toEqual({ phone: "020 7946 0018", phoneCountry: "GB" });
  });

  it("opens a stored number in its own country, national form", () => {
    render(<Form region="US" defaultValue="+81312345678" />);
    expect(screen.getByRole("button", { name: "Phone country: Japan, JP +81" })).toBeInTheDocument();
    expect(screen.getByLabelText("Mobile phone")).toHaveValue("03-1234-5678");
  });

  it("a + number names its own country in the picker", async () => {
    render(<Form region="US" />);
    await userEvent.type(screen.getByLabelText("Mobile phone"), "+442079460018");
    expect(screen.getByLabelText("Mobile phone")).toHaveValue("+44 20 7946 0018");
    expect(screen.getByRole("button", { name: "Phone country: United Kingdom, GB +44" })).toBeDisabled();
  });
});

describe("showing a number", () => {
  it("national at home, international abroad", () => {
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
