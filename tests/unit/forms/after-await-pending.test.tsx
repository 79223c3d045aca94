import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PasskeyButton } from "@/components/auth/passkey-button";
import { LinkActions } from "@/components/invoices/link-actions";
import { RecoveryCodesSection } from "@/components/security/recovery-codes-section";
import { SecondFactorPolicyForm } from "@/components/settings/second-factor-policy-form";
import type { FormState } from "@/lib/form-state";

// Buttons that run one action and then draw its answer (a new link, new codes,
// a refusal). The answer comes after an await, so it must be drawn in the same
// commit as the end of the button's busy state: otherwise, for a commit, the
// person reads the answer next to a button that still says it is working.

const refresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push: jest.fn() }) }));
const reissueInvoiceLink = jest.fn();
jest.mock("@/lib/actions/invoices/reissue-invoice-link", () => ({ reissueInvoiceLink: (...args: unknown[]) => reissueInvoiceLink(...args) }));
jest.mock("@/lib/actions/invoices/revoke-invoice-links", () => ({ revokeInvoiceLinks: jest.fn() }));
const regenerateRecoveryCodes = jest.fn();
jest.mock("@/lib/actions/security/regenerate-recovery-codes", () => ({ regenerateRecoveryCodes: (...args: unknown[]) => regenerateRecoveryCodes(...args) }));
const setSecondFactorPolicy = jest.fn();
jest.mock("@/lib/actions/settings/set-second-factor-policy", () => ({ setSecondFactorPolicy: (...args: unknown[]) => setSecondFactorPolicy(...args) }));

/** In the very commit that first shows `text`: whether the button named `name` was still busy. */
function busyWhenShown(text: string | RegExp, name: string): { seen: boolean[]; stop: () => void } {
  const seen: boolean[] = [];
  const observer = new MutationObserver(() => {
    if (seen.length === 0 && screen.queryByText(text)) seen.push(screen.getByRole("button", { name }).getAttribute("aria-busy") === "true");
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

async function expectDrawnTogether(text: string | RegExp, name: string, press: () => Promise<void>) {
  const watch = busyWhenShown(text, name);
  await press();
  await screen.findByText(text);
  await waitFor(() => expect(watch.seen).toHaveLength(1));
  watch.stop();
  expect(watch.seen).toEqual([false]);
}

beforeEach(() => jest.clearAllMocks());

it("a refused invoice link says why together with the end of the button's busy state", async () => {
  const user = userEvent.setup();
  reissueInvoiceLink.mockResolvedValueOnce({ ok: false, fieldErrors: {}, formError: "A void invoice has no links." } satisfies FormState<unknown>);
  render(<LinkActions invoiceId={4} hasActive={false} />);
  await expectDrawnTogether("A void invoice has no links.", "New link", () => user.click(screen.getByRole("button", { name: "New link" })));
});

it("new recovery codes are drawn in the commit that closes the password dialog, never beside its busy button", async () => {
  const user = userEvent.setup();
  regenerateRecoveryCodes.mockResolvedValueOnce({ ok: true, fieldErrors: {}, formError: null, data: { recoveryCodes: ["abcd-efgh-1234", "ijkl-mnop-5678"] } });
  render(<RecoveryCodesSection left={2} />);
  await user.click(screen.getByRole("button", { name: "Make new recovery codes" }));
  const dialog = await screen.findByRole("dialog", { name: "Confirm it's you" });
  await user.type(within(dialog).getByLabelText("Your password"), "Correct-Horse-Battery-1");
  // In the very commit that first shows the codes: whether the dialog, or any busy button, was still there.
  const seen: { dialog: boolean; busy: boolean }[] = [];
  const observer = new MutationObserver(() => {
    if (seen.length === 0 && screen.queryByText("abcd-efgh-1234"))
      seen.push({ dialog: document.querySelector("[role='dialog']") !== null, busy: document.querySelector("[aria-busy='true']") !== null });
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  await user.click(within(dialog).getByRole("button", { name: "Make new codes" }));
  await screen.findByText("abcd-efgh-1234");
  await waitFor(() => expect(seen).toHaveLength(1));
  observer.disconnect();
  expect(seen).toEqual([{ dialog: false, busy: false }]);
});

it("a refused second-factor policy says why together with the end of the button's busy state", async () => {
  const user = userEvent.setup();
  setSecondFactorPolicy.mockResolvedValueOnce({ ok: false, fieldErrors: {}, formError: "Set up an app or passkey for yourself first." });
  render(<SecondFactorPolicyForm required={false} />);
  const name = "Require an app or passkey for admins and staff";
  await expectDrawnTogether("Set up an app or passkey for yourself first.", name, () => user.click(screen.getByRole("button", { name })));
});

it("a passkey sign-in that can't start says why together with the end of the button's busy state", async () => {
  const user = userEvent.setup();
  const start = jest.fn(async () => ({ ok: false, fieldErrors: {}, formError: "Too many attempts. Try again in a minute." }) as FormState<never>);
  render(<PasskeyButton start={start} finish={jest.fn()} field="credential" label="Sign in with a passkey" />);
  await expectDrawnTogether("Too many attempts. Try again in a minute.", "Sign in with a passkey", () => user.click(screen.getByRole("button", { name: "Sign in with a passkey" })));
});
