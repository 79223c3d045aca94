import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { z } from "zod";
import { useValidatedAction, type FormSchema } from "@/components/forms/use-validated-action";
import type { FormState } from "@/lib/form-state";

// A form on a page hands useValidatedAction a loader for its schema, so zod and
// the phone metadata come on first use (components/forms/use-validated-action.ts).

const schema = z.object({ name: z.string().trim().min(1, { error: "Enter a name" }) });

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function NameForm({ action, schema: check, lockWhilePending = true }: { action: (prev: FormState | undefined, data: FormData) => Promise<FormState>; schema: FormSchema; lockWhilePending?: boolean }) {
  const { form, pending, errors, formError } = useValidatedAction(action, check);
  return (
    <form {...form} aria-label="name form">
      {formError && <p role="alert">{formError}</p>}
      <label htmlFor="name">Name</label>
      <input id="name" name="name" aria-invalid={errors.name ? true : undefined} />
      {errors.name && <p>{errors.name[0]}</p>}
      <button type="submit" disabled={lockWhilePending && pending}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}

const ok = async (_prev: FormState | undefined, _data: FormData): Promise<FormState> => ({ ok: true, fieldErrors: {}, formError: null });

describe("a form whose checks load on first use", () => {
  it("loads the schema when focus first reaches the form, once", async () => {
    const loader = jest.fn(() => Promise.resolve(schema));
    render(<NameForm action={ok} schema={loader} />);
    expect(loader).not.toHaveBeenCalled();
    await userEvent.click(screen.getByLabelText("Name"));
    await userEvent.type(screen.getByLabelText("Name"), "Ada");
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it("loads the schema when a field that had focus before the page's scripts ran is typed into", async () => {
    const loader = jest.fn(() => Promise.resolve(schema));
    render(<NameForm action={ok} schema={loader} />);
    // The browser's autofocus happens before hydration: no focus event reaches React, only typing.
    fireEvent.input(screen.getByLabelText("Name"), { target: { value: "A" } });
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it("holds a submit that comes before the schema, shows it pending, then checks it as if the schema had been there", async () => {
    const load = deferred<z.ZodType>();
    const action = jest.fn(ok);
    render(<NameForm action={action} schema={() => load.promise} />);
    // Enter in the empty field is the very first thing done on the page.
    await userEvent.type(screen.getByLabelText("Name"), "{Enter}");
    expect(screen.getByRole("button", { name: "Saving…" })).toBeDisabled();
    expect(action).not.toHaveBeenCalled();
    await act(async () => load.resolve(schema));
    expect(await screen.findByText("Enter a name")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Check the highlighted fields.");
    await waitFor(() => expect(screen.getByLabelText("Name")).toHaveFocus());
    expect(action).not.toHaveBeenCalled();
  });

  it("sends a held submit that passes, once", async () => {
    const load = deferred<z.ZodType>();
    const action = jest.fn(ok);
    render(<NameForm action={action} schema={() => load.promise} />);
    await userEvent.type(screen.getByLabelText("Name"), "Ada Lovelace");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(action).not.toHaveBeenCalled();
    await act(async () => load.resolve(schema));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action.mock.calls[0]![1].get("name")).toBe("Ada Lovelace");
  });

  it("sends a submit made twice while the schema loads once, even where the button stays enabled", async () => {
    const load = deferred<z.ZodType>();
    const action = jest.fn(ok);
    render(<NameForm action={action} schema={() => load.promise} lockWhilePending={false} />);
    await userEvent.type(screen.getByLabelText("Name"), "Ada{Enter}{Enter}");
    await act(async () => load.resolve(schema));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(action).toHaveBeenCalledTimes(1);
  });

  it("leaves the checks to the server when the schema can't load", async () => {
    const action = jest.fn(async (_prev: FormState | undefined, _data: FormData): Promise<FormState> => ({ ok: false, fieldErrors: { name: ["Enter a name"] }, formError: null }));
    render(<NameForm action={action} schema={() => Promise.reject(new Error("offline"))} />);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("Enter a name")).toBeInTheDocument();
  });

  it("checks at once with a schema handed over directly (a dialog, already loaded on first use)", async () => {
    const action = jest.fn(ok);
    render(<NameForm action={action} schema={schema} />);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByText("Enter a name")).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });
});
