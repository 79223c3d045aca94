import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SubscribePopup } from "@/components/portal/subscribe-popup";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/form-state";

// The order dialog sends an idempotency key with its form, so Enter pressed
// twice or a retried request orders once (the server keeps one subscription
// per key), while ordering again from a fresh opening is a new order.

type Sent = { idempotencyKey: string; serviceId: string };
const sent: Sent[] = [];
let answer: (state: FormState<unknown>) => void = () => {};

jest.mock("@/lib/actions/portal/subscribe-to-service", () => ({
  subscribeToService: (_prev: unknown, data: FormData) => {
    sent.push({ idempotencyKey: String(data.get("idempotencyKey")), serviceId: String(data.get("serviceId")) });
    return new Promise<FormState<unknown>>((resolve) => (answer = resolve));
  },
}));

const service = { id: 12, name: "Logo design", price: "$500.00", intervalLabel: "once", oneTime: true };
const refused: FormState<unknown> = { ok: false, fieldErrors: {}, formError: "Try again in a minute." };

const submit = () => screen.getByRole("button", { name: "Order and see the invoice" });

function renderPopup() {
  render(<SubscribePopup service={service} trigger={<Button>Order</Button>} />);
  return submit();
}

/** Answers the submit on its way with a refusal, and waits until the dialog has drawn it. */
async function refuse() {
  answer(refused);
  await waitFor(() => expect(submit()).not.toHaveAttribute("aria-busy"));
  expect(screen.getByText("Try again in a minute.")).toBeInTheDocument();
}

beforeEach(() => {
  sent.length = 0;
});

it("sends the same key with every submit of one opening, and a fresh one after reopening", async () => {
  const user = userEvent.setup();
  await user.click(renderPopup());
  await waitFor(() => expect(sent).toHaveLength(1));
  await refuse();
  // Sent again from the same opening (the person presses Enter again): the same key.
  await user.click(submit());
  await waitFor(() => expect(sent).toHaveLength(2));
  await refuse();
  expect(sent[0]!.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
  expect(sent[1]!.idempotencyKey).toBe(sent[0]!.idempotencyKey);
  expect(sent[0]!.serviceId).toBe("12");

  await user.keyboard("{Escape}");
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Order" }));
  await user.click(submit());
  await waitFor(() => expect(sent).toHaveLength(3));
  await refuse();
  expect(sent[2]!.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
  expect(sent[2]!.idempotencyKey).not.toBe(sent[0]!.idempotencyKey);
});

it("can't be closed while the order is on its way, so a fresh key can't join an order still being placed", async () => {
  const user = userEvent.setup();
  await user.click(renderPopup());
  await waitFor(() => expect(sent).toHaveLength(1));
  await user.keyboard("{Escape}");
  expect(screen.getByRole("dialog")).toBeInTheDocument();
  await refuse();
  await user.keyboard("{Escape}");
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
});
