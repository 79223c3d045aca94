// Helpers for calling server actions directly in integration tests.

/** Runs an action that should end in redirect() and returns the target, or throws with the state it returned instead. */
export async function redirectOf(run: Promise<unknown>): Promise<string> {
  let state: unknown;
  try {
    state = await run;
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (!digest?.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2] ?? "";
  }
  throw new Error(`Expected a redirect, got ${JSON.stringify(state)}`);
}

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
