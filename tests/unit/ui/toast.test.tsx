import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { Toaster, toast } from "@/components/ui/toast";

// jsdom lacks pointer capture, which Radix Toast's swipe handling calls on pointerup.
Element.prototype.hasPointerCapture ??= () => false;
Element.prototype.releasePointerCapture ??= () => {};

const handles: { dismiss: () => void }[] = [];

function show(...args: Parameters<typeof toast>) {
  let handle: ReturnType<typeof toast> | undefined;
  act(() => {
    handle = toast(...args);
  });
  if (!handle) throw new Error("toast() returned nothing");
  handles.push(handle);
  return handle;
}

afterEach(() => {
  act(() => {
    for (const handle of handles.splice(0)) handle.dismiss();
  });
  jest.useRealTimers();
});

function notifications() {
  return within(screen.getByRole("region", { name: /notifications/i }));
}

describe("toast", () => {
  it("shows the message in the Toaster", () => {
    render(<Toaster />);
    show({ title: "Client saved", description: "Acme Ltd was updated." });

    const list = notifications();
    expect(list.getByText("Client saved")).toBeInTheDocument();
    expect(list.getByText("Acme Ltd was updated.")).toBeInTheDocument();
  });

  it("keeps at most three toasts, dropping the oldest", () => {
    render(<Toaster />);
    for (const n of [1, 2, 3, 4]) show({ title: `Invoice ${n} sent` });

    const list = notifications();
    expect(list.queryByText("Invoice 1 sent")).not.toBeInTheDocument();
    expect(list.getAllByText(/Invoice \d sent/)).toHaveLength(3);
  });

  it("closes from its labelled close button", async () => {
    const user = userEvent.setup();
    render(<Toaster />);
    show({ title: "Payment failed", variant: "destructive" });

    await user.click(notifications().getByRole("button", { name: "Dismiss notification" }));
    expect(notifications().queryByText("Payment failed")).not.toBeInTheDocument();
  });

  it("dismisses itself after about five seconds", () => {
    jest.useFakeTimers();
    render(<Toaster />);
    show({ title: "Reminder scheduled", variant: "success" });
    expect(notifications().getByText("Reminder scheduled")).toBeInTheDocument();

    act(() => {
      jest.advanceTimersByTime(4000);
    });
    expect(notifications().getByText("Reminder scheduled")).toBeInTheDocument();

    act(() => {
      jest.advanceTimersByTime(1500);
    });
    expect(notifications().queryByText("Reminder scheduled")).not.toBeInTheDocument();
  });

  it("shows toasts raised before the Toaster mounted", () => {
    show({ title: "Welcome back" });
    render(<Toaster />);
    expect(notifications().getByText("Welcome back")).toBeInTheDocument();
  });
});
