import { render } from "@testing-library/react";
import { Icon } from "@/components/ui/icon";
import { iconSprite } from "@/components/ui/icon-sprite";

// Pages draw icons as <use>s of one sprite (app/icons.svg/route.ts): the sprite
// must be an SVG document with a symbol per icon, drawn as lucide draws it.
describe("the icon sprite", () => {
  const sprite = new DOMParser().parseFromString(iconSprite(), "image/svg+xml");
  const symbol = (id: string) => sprite.querySelector(`symbol[id="${id}"]`);

  it("is well-formed SVG with a drawn symbol for each icon", () => {
    expect(sprite.querySelector("parsererror")).toBeNull();
    expect(sprite.documentElement.namespaceURI).toBe("http://www.w3.org/2000/svg");
    const symbols = [...sprite.querySelectorAll("symbol")];
    expect(symbols.length).toBeGreaterThanOrEqual(40);
    for (const s of symbols) {
      expect(s.getAttribute("viewBox")).toBe("0 0 24 24");
      expect(s.children.length).toBeGreaterThan(0);
    }
  });

  it("draws each icon with lucide's shapes and stroke, and leaves React's keys out", () => {
    const users = symbol("users")!;
    // (jsdom's XML parser makes plain Elements, which jest-dom's matchers refuse: attributes are read directly.)
    expect(users.querySelector("circle")?.getAttribute("cx")).toBe("9");
    expect(users.querySelector("path")?.getAttribute("d")).toBe("M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2");
    expect(["stroke", "stroke-width", "fill"].map((a) => users.getAttribute(a))).toEqual(["currentColor", "2", "none"]);
    expect(sprite.querySelector("[key]")).toBeNull();
    // An attribute lucide names the React way comes out as SVG names it.
    expect(sprite.querySelector("[strokeWidth], [strokeLinecap]")).toBeNull();
  });
});

describe("Icon", () => {
  it("uses its symbol and is hidden from assistive technology", () => {
    const { container } = render(<Icon name="file-text" className="size-4" />);
    const svg = container.querySelector("svg")!;
    expect(svg).toHaveAttribute("aria-hidden", "true");
    expect(svg).toHaveClass("size-4");
    expect(svg.querySelector("use")).toHaveAttribute("href", "/icons.svg#file-text");
  });

  it("is announced when it is given a label", () => {
    const { getByRole } = render(<Icon name="mail" role="img" aria-label="Email" />);
    expect(getByRole("img", { name: "Email" })).not.toHaveAttribute("aria-hidden");
  });
});
