import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ThemeProvider } from "next-themes";

import { Toaster, toast } from "@/components/ui/toast";

// The toast({ title, description, variant }) our forms call, drawn by sonner's
// <Toaster /> in our colours.

// next-themes listens to the system colour scheme, which jsdom doesn't have.
window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addListener() {}, removeListener() {} })) as unknown as typeof window.matchMedia;

// jsdom lacks pointer capture, which sonner's swipe handling calls on pointerdown.
Element.prototype.setPointerCapture ??= () => {};
Element.prototype.releasePointerCapture ??= () => {};
Element.prototype.hasPointerCapture ??= () => false;

const handles: { dismiss: () => void }[] = [];

/** Lets time pass in small steps, so each of sonner's timers and the effects they cause run in turn. */
function elapse(ms: number) {
  for (let t = 0; t < ms; t += 50) {
    act(() => {
      jest.advanceTimersByTime(50);
    });
  }
}

function show(...args: Parameters<typeof toast>) {
  let handle: ReturnType<typeof toast> | undefined;
  act(() => {
    handle = toast(...args);
  });
  if (!handle) throw new Error("toast() returned nothing");
  handles.push(handle);
  elapse(50);
  return handle;
}

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  act(() => {
    for (const handle of handles.splice(0)) handle.dismiss();
  });
  elapse(1000);
  jest.useRealTimers();
});

const notifications = () => within(screen.getByRole("region", { name: /notifications/i }));
const toastOf = (text: string) => notifications().getByText(text).closest("li")!;

describe("toast", () => {
  it("shows the title and description in the labelled notifications region, which screen readers hear", () => {
    render(<Toaster />);
    show({ title: "Client saved", description: "Acme Ltd was updated." });

    expect(notifications().getByText("Client saved")).toBeInTheDocument();
    expect(notifications().getByText("Acme Ltd was updated.")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: /notifications/i })).toHaveAttribute("aria-live", "polite");
  });

  it("marks a success and an error with their own icon, not only a colour", () => {
    render(<Toaster />);
    show({ title: "Payment recorded", variant: "success" });
    show({ title: "Couldn't retry this message", variant: "destructive" });
    show({ title: "Link ready" });

    expect(toastOf("Payment recorded")).toHaveAttribute("data-type", "success");
    expect(toastOf("Payment recorded").querySelector("[data-icon] svg")).not.toBeNull();
    expect(toastOf("Couldn't retry this message")).toHaveAttribute("data-type", "error");
    expect(toastOf("Couldn't retry this message").querySelector("[data-icon] svg")).not.toBeNull();
    expect(toastOf("Link ready").querySelector("[data-icon]")).toBeNull();
  });

  it("closes from its labelled close button", async () => {
    const user = userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
    render(<Toaster />);
    show({ title: "Payment failed", variant: "destructive" });

    await user.click(within(toastOf("Payment failed")).getByRole("button", { name: "Dismiss notification" }));
    elapse(500);
    expect(notifications().queryByText("Payment failed")).not.toBeInTheDocument();
  });

  it("dismisses itself after about five seconds", () => {
    render(<Toaster />);
    show({ title: "Reminder scheduled", variant: "success" });

    elapse(4000);
    expect(notifications().getByText("Reminder scheduled")).toBeInTheDocument();

    elapse(1500);
    expect(notifications().queryByText("Reminder scheduled")).not.toBeInTheDocument();
  });

  it("goes at once when its handle dismisses it", () => {
    render(<Toaster />);
    const handle = show({ title: "Uploading" });
    act(() => {
      handle.dismiss();
    });
    elapse(500);
    expect(notifications().queryByText("Uploading")).not.toBeInTheDocument();
  });

  it("shows toasts raised before the Toaster mounted", () => {
    show({ title: "Welcome back" });
    render(<Toaster />);
    elapse(50);
    expect(notifications().getByText("Welcome back")).toBeInTheDocument();
  });

  it.each(["light", "dark"])("draws with our %s tokens, following the app's theme", (theme) => {
    render(
      <ThemeProvider attribute="class" defaultTheme={theme} enableSystem={false}>
        <Toaster />
      </ThemeProvider>,
    );
    show({ title: "Settings saved", variant: "success" });

    const list = toastOf("Settings saved").closest("ol")!;
    expect(list).toHaveAttribute("data-sonner-theme", theme);
    expect(list.style.getPropertyValue("--normal-bg")).toBe("hsl(var(--popover))");
    expect(list.style.getPropertyValue("--success-bg")).toBe("hsl(var(--success))");
    expect(list.style.getPropertyValue("--error-bg")).toBe("hsl(var(--destructive))");
  });
});
