import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ThemeProvider } from "next-themes";
import { toast as sonner } from "sonner";
import { Toaster, toast } from "@/components/ui/toast";

// The toast({ title, description, variant }) our forms call, drawn by sonner's
// <Toaster /> in our colours. sonner is loaded with the first toast, so each
// toast is awaited until that import and the lazy Toaster have settled.

// next-themes listens to the system colour scheme, which jsdom doesn't have.
window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addListener() {}, removeListener() {} })) as unknown as typeof window.matchMedia;

// jsdom lacks pointer capture, which sonner's swipe handling calls on pointerdown.
Element.prototype.setPointerCapture ??= () => {};
Element.prototype.releasePointerCapture ??= () => {};
Element.prototype.hasPointerCapture ??= () => false;

/** Lets time pass in small steps, so each of sonner's timers and the effects they cause run in turn. */
function elapse(ms: number) {
  for (let t = 0; t < ms; t += 50) {
    act(() => {
      jest.advanceTimersByTime(50);
    });
  }
}

/** Lets the dynamic import of sonner and React's lazy Toaster settle (promises only: the timers are fake). */
async function settle() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

async function show(...args: Parameters<typeof toast>) {
  await act(async () => {
    toast(...args);
    await settle();
  });
  await act(settle);
  elapse(50);
}

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  act(() => {
    sonner.dismiss();
  });
  elapse(1000);
  jest.useRealTimers();
});

const notifications = () => within(screen.getByRole("region", { name: /notifications/i }));
const toastOf = (text: string) => notifications().getByText(text).closest("li")!;

describe("toast", () => {
  // First in this file: no toast has been shown through the module yet.
  it("draws nothing before the first toast", () => {
    const { container } = render(<Toaster />);
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByRole("region", { name: /notifications/i })).toBeNull();
  });

  it("shows the title and description in the labelled notifications region, which screen readers hear", async () => {
    render(<Toaster />);
    await show({ title: "Client saved", description: "Acme Ltd was updated." });

    expect(notifications().getByText("Client saved")).toBeInTheDocument();
    expect(notifications().getByText("Acme Ltd was updated.")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: /notifications/i })).toHaveAttribute("aria-live", "polite");
  });

  it("marks a success and an error with their own icon, not only a colour", async () => {
    render(<Toaster />);
    await show({ title: "Payment recorded", variant: "success" });
    await show({ title: "Couldn't retry this message", variant: "destructive" });
    await show({ title: "Link ready" });

    expect(toastOf("Payment recorded")).toHaveAttribute("data-type", "success");
    expect(toastOf("Payment recorded").querySelector("[data-icon] svg")).not.toBeNull();
    expect(toastOf("Couldn't retry this message")).toHaveAttribute("data-type", "error");
    expect(toastOf("Couldn't retry this message").querySelector("[data-icon] svg")).not.toBeNull();
    expect(toastOf("Link ready").querySelector("[data-icon]")).toBeNull();
  });

  it("closes from its labelled close button", async () => {
    const user = userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
    render(<Toaster />);
    await show({ title: "Payment failed", variant: "destructive" });

    await user.click(within(toastOf("Payment failed")).getByRole("button", { name: "Dismiss notification" }));
    elapse(500);
    expect(notifications().queryByText("Payment failed")).not.toBeInTheDocument();
  });

  it("dismisses itself after about five seconds", async () => {
    render(<Toaster />);
    await show({ title: "Reminder scheduled", variant: "success" });

    elapse(4000);
    expect(notifications().getByText("Reminder scheduled")).toBeInTheDocument();

    elapse(1500);
    expect(notifications().queryByText("Reminder scheduled")).not.toBeInTheDocument();
  });

  it("shows toasts raised before the Toaster mounted", async () => {
    await show({ title: "Welcome back" });
    render(<Toaster />);
    await act(settle);
    elapse(50);
    expect(notifications().getByText("Welcome back")).toBeInTheDocument();
  });

  it.each(["light", "dark"])("draws with our %s tokens, following the app's theme", async (theme) => {
    render(
      <ThemeProvider attribute="class" defaultTheme={theme} enableSystem={false}>
        <Toaster />
      </ThemeProvider>,
    );
    await show({ title: "Settings saved", variant: "success" });

    const list = toastOf("Settings saved").closest("ol")!;
    expect(list).toHaveAttribute("data-sonner-theme", theme);
    expect(list.style.getPropertyValue("--normal-bg")).toBe("hsl(var(--popover))");
    expect(list.style.getPropertyValue("--success-bg")).toBe("hsl(var(--success))");
    expect(list.style.getPropertyValue("--error-bg")).toBe("hsl(var(--destructive))");
  });
});
