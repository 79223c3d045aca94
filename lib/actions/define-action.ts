import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { getCurrentUser, policyAllows, requestIp, type CurrentUser } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";
import { getBusinessTime } from "@/lib/business-time";
import { DomainError } from "@/lib/errors";
import { fieldErrorsFrom, type FormState } from "@/lib/form-state";
import { formDataToObject } from "./form-data";

type Access = Permission | "public";

export type ActionContext<P extends Access> = {
  user: P extends "public" ? CurrentUser | null : CurrentUser;
  ip: string;
  /** Who is acting, as the domain functions take it: the user's id and role, and the request's IP. */
  actor: P extends "public" ? Actor | null : Actor;
};

export type ActionConfig<P extends Access, S extends z.ZodType, R> = {
  /** Used in logs and in the permission-matrix test. */
  name: string;
  /** Required: an action without a permission can't be built. "public" must be said out loud. */
  permission: P;
  /** The schema, or one built for the business's locale when the input holds amounts, quantities or rates typed in it. */
  schema: S | ((locale: string) => S);
  handler: (input: z.output<S>, ctx: ActionContext<P>) => Promise<R>;
};

/** Input is untrusted whatever its static type (an action is a public endpoint), so any object is accepted and parsed. */
export type ActionInput = FormData | Record<string, unknown>;

export type ServerAction<R> = ((prev: FormState<R> | undefined, input: ActionInput) => Promise<FormState<R>>) & {
  actionName?: string;
  permission?: Access;
  /** The input schema, so tests can list an action's fields (tests/integration/action-fuzz.test.ts). Server-side only. */
  schema?: z.ZodType;
};

export const DENIED = "You don't have permission to do that.";
export const SIGNED_OUT = "Your session has ended. Sign in again.";
export const SET_UP_SECOND_FACTOR = "Set up an authenticator app or a passkey first: your administrator requires one.";

/**
 * Builds a server action that, in this order, authorizes from the session and
 * the permission map, parses the input with its zod schema, and runs the
 * handler. Field errors and DomainErrors come back as form state; anything
 * else is logged and answered with a generic message, never the raw error.
 * Next's redirect() and notFound() pass through.
 */
export function defineAction<P extends Access, S extends z.ZodType, R = undefined>(config: ActionConfig<P, S, R>): ServerAction<R> {
  const run = async (_prev: FormState<R> | undefined, input: ActionInput): Promise<FormState<R>> => {
    const user = await getCurrentUser();
    if (config.permission !== "public") {
      if (!user) return { ok: false, fieldErrors: {}, formError: SIGNED_OUT };
      if (!can(user.role, config.permission)) return { ok: false, fieldErrors: {}, formError: DENIED };
      if (!policyAllows(user, config.permission)) return { ok: false, fieldErrors: {}, formError: SET_UP_SECOND_FACTOR };
    }
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    const schema = typeof config.schema === "function" ? config.schema((await getBusinessTime()).locale) : config.schema;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error), formError: "Check the highlighted fields.", values: echo(raw) };
    }
    try {
      const ip = await requestIp();
      const ctx = { user, ip, actor: user ? { id: user.id, role: user.role, ip } : null } as ActionContext<P>;
      const data = await config.handler(parsed.data, ctx);
      return { ok: true, fieldErrors: {}, formError: null, data };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof DomainError) return { ok: false, fieldErrors: error.fieldErrors, formError: error.message, values: echo(raw) };
      console.error(`[action ${config.name}] failed`, { userId: user?.id, error });
      return { ok: false, fieldErrors: {}, formError: "Something went wrong on our side. Try again in a moment." };
    }
  };
  // Tests list the fields from the schema: the field names are the same in every locale.
  const listed = typeof config.schema === "function" ? config.schema("en-US") : config.schema;
  return Object.assign(run, { actionName: config.name, permission: config.permission, schema: listed });
}

const SECRET = /password|token|code|card|cvc|secret/i;

function echo(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw && typeof raw === "object") {
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value === "string" && !SECRET.test(key)) out[key] = value;
    }
  }
  return out;
}
