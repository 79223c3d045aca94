import { Component, type ReactNode } from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { redirect } from "next/navigation";
import { UnrecognizedActionError } from "next/dist/client/components/unrecognized-action-error";
import { z } from "zod";
import { OUTDATED_MESSAGE, UNREACHABLE_MESSAGE, settleAction } from "@/components/forms/action-failure";
import { useDialogForm } from "@/components/forms/use-dialog-form";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import type { FormState } from "@/lib/form-state";

// A server action whose call fails (offline, or a deploy changed the actions'
// ids) rejects instead of answering. The shared form hooks turn that into an
// error in the form, which keeps what was typed; before, React handed it to the
// area's error.tsx, which replaced the page and the typed input with it.

const refresh = jest.fn();
jest.mock("next/navigation", () => ({ ...jest.requireActual("next/navigation"), useRouter: () => ({ refresh, push: jest.fn() }) }));

const schema = z.object({ name: z.string().trim().min(1, { error: "Enter a name" }), notes: z.string() });

function NameForm({ action }: { action: (prev: FormState | undefined, data: FormData) => Promise<FormState> }) {
  const { form, pending, errors, formError, values } = useValidatedAction(action, schema);
  return (
    <form {...form} aria-label="name form">
      {formError && <p role="alert">{formError}</p>}
      <label htmlFor="name">Name</label>
      <input id="name" name="name" defaultValue={values?.name ?? ""} aria-invalid={errors.name ? true : undefined} />
      <label htmlFor="notes">Notes</label>
      <textarea id="notes" name="notes" defaultValue={values?.notes ?? ""} />
      <button type="submit" disabled={pending}>
        Save
      </button>
    </form>
  );
}

function DialogForm({ action }: { action: (prev: undefined, input: Record<string, unknown>) => Promise<FormState> }) {
  const dialog = useDialogForm({ action, schema, extra: {}, initiallyOpen: true, idempotent: false, success: () => ({ title: "Saved" }) });
  return (
    <form onSubmit={dialog.onSubmit} noValidate>
      {dialog.formError && <p role="alert">{dialog.formError}</p>}
      <label htmlFor="name">Name</label>
      <input id="name" name="name" />
      <label htmlFor="notes">Notes</label>
      <textarea id="notes" name="notes" />
      <button type="submit">Save</button>
    </form>
  );
}

class Boundary extends Component<{ children: ReactNode; onError: (error: unknown) => void }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  render() {
    return this.state.failed ? <p>error page</p> : this.props.children;
  }
}

function redirectError(): unknown {
  try {
    redirect("/login");
  } catch (error) {
    return error;
  }
}

async function typeAndSave() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Name"), "Harbor Bakery");
  await user.type(screen.getByLabelText("Notes"), "PO 4411, twenty lines");
  await user.click(screen.getByRole("button", { name: "Save" }));
}

let consoleError: jest.SpyInstance;
beforeEach(() => {
  refresh.mockReset();
  consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => consoleError.mockRestore());

describe("a form on a page (useValidatedAction)", () => {
  it("keeps what was typed and says the server couldn't be reached when the call fails", async () => {
    render(<NameForm action={() => Promise.reject(new TypeError("Failed to fetch"))} />);
    await typeAndSave();
    expect(await screen.findByRole("alert")).toHaveTextContent(UNREACHABLE_MESSAGE);
    expect(screen.getByLabelText("Name")).toHaveValue("Harbor Bakery");
    expect(screen.getByLabelText("Notes")).toHaveValue("PO 4411, twenty lines");
    // The pending state may end a commit after the error is drawn.
    await waitFor(() => expect(screen.getByRole("button", { name: "Save" })).toBeEnabled());
  });

  it("after a deploy, says to reload for the new version, with the input still shown", async () => {
    render(<NameForm action={() => Promise.reject(new UnrecognizedActionError('Server Action "abc" was not found on the server.'))} />);
    await typeAndSave();
    expect(await screen.findByRole("alert")).toHaveTextContent(OUTDATED_MESSAGE);
    expect(screen.getByLabelText("Name")).toHaveValue("Harbor Bakery");
  });

  it("lets Next's redirect through, so it still navigates", async () => {
    const caught = jest.fn();
    const thrown = redirectError();
    render(
      <Boundary onError={caught}>
        <NameForm action={() => Promise.reject(thrown)} />
      </Boundary>,
    );
    await typeAndSave();
    await waitFor(() => expect(caught).toHaveBeenCalledWith(thrown));
  });
});

describe("a dialog (useDialogForm)", () => {
  it("stays open with what was typed and says why, without refreshing the page", async () => {
    render(<DialogForm action={() => Promise.reject(new TypeError("Failed to fetch"))} />);
    await typeAndSave();
    expect(await screen.findByRole("alert")).toHaveTextContent(UNREACHABLE_MESSAGE);
    expect(screen.getByLabelText("Name")).toHaveValue("Harbor Bakery");
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe("settleAction", () => {
  it("answers a failed call with a refusal echoing the values, and throws Next's redirect on", async () => {
    await expect(settleAction(() => Promise.reject(new TypeError("Failed to fetch")), { name: "Ada" })).resolves.toEqual({
      ok: false,
      fieldErrors: {},
      formError: UNREACHABLE_MESSAGE,
      values: { name: "Ada" },
    });
    const thrown = redirectError();
    await expect(settleAction(() => Promise.reject(thrown))).rejects.toBe(thrown);
  });
});
