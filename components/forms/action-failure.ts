import { unstable_isUnrecognizedActionError, unstable_rethrow } from "next/navigation";
import type { FormState } from "@/lib/form-state";

export const UNREACHABLE_MESSAGE = "We couldn't reach the server. Nothing you typed is lost: check your connection and try again.";
export const OUTDATED_MESSAGE =
  "ClientDesk was updated since this page opened, so it can't send this. Reload the page to get the new version, then try again (copy anything you typed first: reloading clears it).";

/**
 * What to tell the person when calling a server action threw instead of
 * answering: the network dropped, or a deploy changed the actions' ids
 * (Next throws its UnrecognizedActionError; its check is still `unstable_` in
 * Next 16, so it is only called here). Left uncaught, React hands the error
 * to the area's error.tsx, which replaces the page and everything typed in it.
 * Next's own redirect() and notFound() travel as thrown errors too: those are
 * thrown on, so they still navigate.
 */
export function actionFailureMessage(error: unknown): string {
  unstable_rethrow(error);
  console.error(error);
  return unstable_isUnrecognizedActionError(error) ? OUTDATED_MESSAGE : UNREACHABLE_MESSAGE;
}

/** A server action's answer, or, when the call itself failed, a refusal saying why (see actionFailureMessage). */
export async function settleAction<R>(call: () => Promise<FormState<R>>, values?: Record<string, string>): Promise<FormState<R>> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, fieldErrors: {}, formError: actionFailureMessage(error), ...(values ? { values } : {}) };
  }
}
