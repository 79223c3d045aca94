import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AuthenticatorApp } from "@/components/security/authenticator-app";
import { ConfirmPasswordDialog } from "@/components/security/confirm-password-dialog";
import { PasskeysSection } from "@/components/security/passkeys-section";
import { RecoveryCodesSection } from "@/components/security/recovery-codes-section";
import type { FormState } from "@/lib/form-state";

// Adding a passkey, setting up an authenticator app and making new recovery
// codes each ask "Confirm it's you" first: the current password, checked by
// the server before it makes a challenge, a secret or codes. These check the
// dialog a person meets: the keyboard, the field's error, and that what
// follows starts only after a right password.

const refresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push: jest.fn() }) }));
const startPasskeyRegistration = jest.fn();
const addPasskey = jest.fn();
const startTotpSetup = jest.fn();
const regenerateRecoveryCodes = jest.fn();
jest.mock("@/lib/actions/security/start-passkey-registration", () => ({ startPasskeyRegistration: (...args: unknown[]) => startPasskeyRegistration(...args) }));
jest.mock("@/lib/actions/security/add-passkey", () => ({ addPasskey: (...args: unknown[]) => addPasskey(...args) }));
jest.mock("@/lib/actions/security/remove-passkey", () => ({ removePasskey: jest.fn() }));
jest.mock("@/lib/actions/security/rename-passkey", () => ({ renamePasskey: jest.fn() }));
jest.mock("@/lib/actions/security/start-totp-setup", () => ({ startTotpSetup: (...args: unknown[]) => startTotpSetup(...args) }));
jest.mock("@/lib/actions/security/confirm-totp-setup", () => ({ confirmTotpSetup: jest.fn() }));
jest.mock("@/lib/actions/security/remove-totp", () => ({ removeTotp: jest.fn() }));
jest.mock("@/lib/actions/security/regenerate-recovery-codes", () => ({ regenerateRecoveryCodes: (...args: unknown[]) => regenerateRecoveryCodes(...args) }));
const startRegistration = jest.fn();
jest.mock("@simplewebauthn/browser", () => ({ startRegistration: (...args: unknown[]) => startRegistration(...args) }));

const PASSWORD = "Correct-Horse-Battery-1";
const wrongPassword: FormState<never> = { ok: false, fieldErrors: { password: ["That password isn't right"] }, formError: "That password isn't right." };
const ok = <R,>(data: R): FormState<R> => ({ ok: true, fieldErrors: {}, formError: null, data });

/** A promise the test settles, to look at the dialog while the server is still answering. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  jest.clearAllMocks();
});

describe("the confirm-it's-you dialog", () => {
  function renderDialog() {
    const action = jest.fn<Promise<FormState<{ token: string }>>, [undefined, Record<string, unknown>]>();
    const onConfirmed = jest.fn();
    render(<ConfirmPasswordDialog label="Do the thing" description="Enter your password to do the thing." confirmLabel="Continue" action={action} onConfirmed={onConfirmed} />);
    return { action, onConfirmed };
  }

  it("opens on the first press with the password field focused for a password manager, and Escape closes it back to the button", async () => {
    const user = userEvent.setup();
    const { action } = renderDialog();
    const button = screen.getByRole("button", { name: "Do the thing" });
    expect(button).toHaveAttribute("aria-haspopup", "dialog");
    await user.click(button);
    const dialog = await screen.findByRole("dialog", { name: "Confirm it's you" });
    expect(dialog).toHaveAccessibleDescription("Enter your password to do the thing.");
    const field = within(dialog).getByLabelText("Your password");
    expect(field).toHaveAttribute("type", "password");
    expect(field).toHaveAttribute("autocomplete", "current-password");
    await waitFor(() => expect(field).toHaveFocus());
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.getByRole("button", { name: "Do the thing" })).toHaveFocus();
    expect(action).not.toHaveBeenCalled();
    // From now on it is Radix's own trigger: the keyboard opens it too.
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("dialog", { name: "Confirm it's you" })).toBeInTheDocument();
  });

  it("asks for a password before sending anything", async () => {
    const user = userEvent.setup();
    const { action } = renderDialog();
    await user.click(screen.getByRole("button", { name: "Do the thing" }));
    const dialog = await screen.findByRole("dialog", { name: "Confirm it's you" });
    await user.click(within(dialog).getByRole("button", { name: "Continue" }));
    expect(await within(dialog).findByText("Enter your password")).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Your password")).toHaveAttribute("aria-invalid", "true");
    expect(action).not.toHaveBeenCalled();
  });

  it("a wrong password is the field's error, selected to type again; the dialog stays and nothing follows", async () => {
    const user = userEvent.setup();
    const { action, onConfirmed } = renderDialog();
    action.mockResolvedValueOnce(wrongPassword);
    await user.click(screen.getByRole("button", { name: "Do the thing" }));
    const dialog = await screen.findByRole("dialog", { name: "Confirm it's you" });
    const field = within(dialog).getByLabelText("Your password");
    await user.type(field, "not-it{Enter}");
    expect(await within(dialog).findByText("That password isn't right")).toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription("That password isn't right");
    await waitFor(() => expect(field).toHaveFocus());
    expect([(field as HTMLInputElement).selectionStart, (field as HTMLInputElement).selectionEnd]).toEqual([0, "not-it".length]);
    // The field's error says it all: no second copy in an alert.
    expect(within(dialog).queryByRole("alert")).toBeNull();
    expect(action).toHaveBeenCalledWith(undefined, { password: "not-it" });
    expect(onConfirmed).not.toHaveBeenCalled();
  });

  it("can't be closed while the password is checked; a right one closes it and hands on the answer, with no toast", async () => {
    const user = userEvent.setup();
    const { action, onConfirmed } = renderDialog();
    const answer = deferred<FormState<{ token: string }>>();
    action.mockReturnValueOnce(answer.promise);
    await user.click(screen.getByRole("button", { name: "Do the thing" }));
    const dialog = await screen.findByRole("dialog", { name: "Confirm it's you" });
    await user.type(within(dialog).getByLabelText("Your password"), PASSWORD);
    await user.click(within(dialog).getByRole("button", { name: "Continue" }));
    expect(within(dialog).getByRole("button", { name: "Continue" })).toHaveAttribute("aria-busy", "true");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toBeDisabled();
    await user.keyboard("{Escape}");
    expect(screen.getByRole("dialog", { name: "Confirm it's you" })).toBeInTheDocument();
    await act(async () => answer.resolve(ok({ token: "t-1" })));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(onConfirmed).toHaveBeenCalledWith({ token: "t-1" });
    expect(action).toHaveBeenCalledWith(undefined, { password: PASSWORD });
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe("the security card's buttons", () => {
  async function confirmWith(password: string, confirmLabel: string) {
    const user = userEvent.setup();
    const dialog = await screen.findByRole("dialog", { name: "Confirm it's you" });
    await user.type(within(dialog).getByLabelText("Your password"), password);
    await user.click(within(dialog).getByRole("button", { name: confirmLabel }));
  }

  it("a passkey needs its name before the password, then the password before the browser is asked", async () => {
    const user = userEvent.setup();
    const options = { challenge: "c-1", rp: { id: "localhost", name: "ClientDesk" } };
    startPasskeyRegistration.mockResolvedValueOnce(wrongPassword).mockResolvedValueOnce(ok(options));
    startRegistration.mockResolvedValueOnce({ id: "cred-1" });
    addPasskey.mockResolvedValueOnce(ok({ recoveryCodes: ["abcde-23456"] }));
    render(<PasskeysSection items={[]} />);

    await user.click(screen.getByRole("button", { name: "Add a passkey" }));
    expect(await screen.findByText('Name this passkey, like "Work laptop"')).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).toBeNull();

    // Enter in the name presses the button, as the form's submit.
    await user.type(screen.getByLabelText("Passkey name"), "Work laptop{Enter}");
    await confirmWith("not-it", "Continue");
    expect(await screen.findByText("That password isn't right")).toBeInTheDocument();
    expect(startRegistration).not.toHaveBeenCalled();

    const field = screen.getByLabelText("Your password");
    await user.clear(field);
    await user.type(field, PASSWORD);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(addPasskey).toHaveBeenCalledWith(undefined, { name: "Work laptop", response: JSON.stringify({ id: "cred-1" }) }));
    expect(startPasskeyRegistration).toHaveBeenLastCalledWith(undefined, { password: PASSWORD });
    expect(startRegistration).toHaveBeenCalledWith({ optionsJSON: options });
    expect(await screen.findByRole("list", { name: "Recovery codes" })).toHaveTextContent("abcde-23456");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByLabelText("Passkey name")).toHaveValue("");
  });

  it("an authenticator app shows its QR code only after the password", async () => {
    const user = userEvent.setup();
    startTotpSetup.mockResolvedValueOnce(ok({ secret: "JBSWY3DPEHPK3PXP", uri: "otpauth://totp/x", qrSvg: "<svg></svg>" }));
    render(<AuthenticatorApp enabled={false} />);
    await user.click(screen.getByRole("button", { name: "Set up an authenticator app" }));
    expect(screen.queryByRole("img", { name: /QR code/ })).toBeNull();
    await confirmWith(PASSWORD, "Continue");
    expect(await screen.findByRole("img", { name: "QR code to add this account to your authenticator app" })).toBeInTheDocument();
    expect(screen.getByTestId("totp-secret")).toHaveTextContent("JBSWY3DPEHPK3PXP");
    expect(startTotpSetup).toHaveBeenCalledWith(undefined, { password: PASSWORD });
  });

  it("a refusal after a right password (an app already set up elsewhere) says why in the dialog", async () => {
    const user = userEvent.setup();
    startTotpSetup.mockResolvedValueOnce({ ok: false, fieldErrors: {}, formError: "An authenticator app is already set up. Remove it first to set up another." });
    render(<AuthenticatorApp enabled={false} />);
    await user.click(screen.getByRole("button", { name: "Set up an authenticator app" }));
    await confirmWith(PASSWORD, "Continue");
    const dialog = screen.getByRole("dialog", { name: "Confirm it's you" });
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("An authenticator app is already set up.");
  });

  it("new recovery codes come only after the password, and the page's count is read again", async () => {
    const user = userEvent.setup();
    regenerateRecoveryCodes.mockResolvedValueOnce(ok({ recoveryCodes: ["abcde-23456", "fghjk-78923"] }));
    render(<RecoveryCodesSection left={3} />);
    await user.click(screen.getByRole("button", { name: "Make new recovery codes" }));
    expect(regenerateRecoveryCodes).not.toHaveBeenCalled();
    await confirmWith(PASSWORD, "Make new codes");
    expect(await screen.findByRole("list", { name: "Recovery codes" })).toHaveTextContent("fghjk-78923");
    expect(regenerateRecoveryCodes).toHaveBeenCalledWith(undefined, { password: PASSWORD });
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
