import { readdirSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db";
import { outbox, type Role } from "@/db/schema";
import { can, type Permission } from "@/lib/auth/permissions";
import { formDataToObject } from "@/lib/actions/form-data";
import type { FormState } from "@/lib/form-state";
import { createDraftInvoice } from "@/lib/invoices/drafts";
import { recordPayment } from "@/lib/payments";
import { subscribeToService } from "@/lib/subscriptions/subscribe";
import { databaseChecksum, insertPendingInvite } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { draft, ensureSettings } from "../support/invoices";
import { enqueueCommitted, emailInput } from "../support/outbox";
import { createService, newKey, portalClientWithInvoice } from "../support/portal";
import { actAs } from "../support/request-context";

// Every server action, found on disk (not from a list), gets wrong types,
// huge strings, NUL bytes, lists and objects in each field, alone and all at
// once. Whatever it is sent, an action answers with form state (or Next's
// redirect or notFound), never a crash, a stack trace, SQL or an error class
// name, and when it refuses, the database is exactly as it was. A new action
// under lib/actions is covered without touching this file.

type AnyAction = ((prev: undefined, input: FormData | Record<string, unknown>) => Promise<FormState<unknown>>) & {
  actionName?: string;
  permission?: Permission | "public";
  schema?: z.ZodType;
};

const ACTIONS_DIR = path.join(process.cwd(), "lib", "actions");
// The builder and its helper are not actions.
const BUILDERS = new Set(["define-action.ts", "form-data.ts"]);

function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return actionFiles(full);
    return d.name.endsWith(".ts") && !BUILDERS.has(d.name) ? [full] : [];
  });
}

// Listed when the file loads, so each file of actions is fuzzed as a test of its own (below).
const FILES = actionFiles(ACTIONS_DIR)
  .sort()
  .map((file) => path.relative(ACTIONS_DIR, file));

/** Every action each file exports, by the file's path under lib/actions. */
async function discoverActions(): Promise<Map<string, AnyAction[]>> {
  const found = new Map<string, AnyAction[]>();
  for (const file of FILES) {
    const mod = (await import(path.join(ACTIONS_DIR, file))) as Record<string, unknown>;
    const inFile = Object.values(mod).filter((exported): exported is AnyAction => {
      const action = exported as AnyAction;
      return typeof action === "function" && Boolean(action.actionName && action.permission);
    });
    found.set(file, inFile);
  }
  return found;
}

// ---- The schema's fields, found by unwrapping what wraps the object shape.

type ZodNode = { _zod: { def: Record<string, unknown> & { type: string } } };
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional", "success"]);

function unwrap(schema: unknown): ZodNode | null {
  let node = schema as ZodNode | undefined;
  for (let i = 0; node?._zod && i < 50; i++) {
    const def = node._zod.def;
    if (def.type === "pipe") node = (def.in as ZodNode | undefined)?._zod.def.type === "transform" ? (def.out as ZodNode) : (def.in as ZodNode);
    else if (WRAPPERS.has(def.type)) node = def.innerType as ZodNode;
    else if (def.type === "lazy") node = (def.getter as () => ZodNode)();
    else return node;
  }
  return null;
}

/** Every field path: top-level keys, and the fields of an object inside a list ("lines.0.unitPrice"). */
function fieldPaths(schema: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const node = unwrap(schema);
  if (!node || node._zod.def.type !== "object") return [];
  const shape = node._zod.def.shape as Record<string, unknown>;
  return Object.entries(shape).flatMap(([key, child]) => {
    const here = [...prefix, key];
    const inner = unwrap(child);
    const nested = inner?._zod.def.type === "array" ? fieldPaths(inner._zod.def.element, [...here, 0]) : [];
    return [here, ...nested];
  });
}

/** The field's schema, found along the same path. */
function fieldSchema(schema: unknown, at: (string | number)[]): unknown {
  let node: unknown = schema;
  for (const key of at) {
    const inner = unwrap(node);
    if (!inner) return undefined;
    node = typeof key === "number" ? inner._zod.def.element : (inner._zod.def.shape as Record<string, unknown> | undefined)?.[key];
  }
  return node;
}

/**
 * The JavaScript types a schema says it takes: "string", "number", "array"...
 * or "any" where it can't tell (a custom check, a lenient catch). A
 * preprocess step counts as the schema after it, so String()ing a list into
 * a string schema still counts as taking only strings.
 */
function declaredTypes(schema: unknown, out = new Set<string>()): Set<string> {
  const node = schema as ZodNode | undefined;
  const def = node?._zod?.def;
  if (!def) return out.add("any");
  switch (def.type) {
    case "optional":
      out.add("undefined");
      return declaredTypes(def.innerType, out);
    case "nullable":
      out.add("null");
      return declaredTypes(def.innerType, out);
    case "default":
    case "prefault":
      out.add("undefined");
      return declaredTypes(def.innerType, out);
    case "readonly":
    case "nonoptional":
      return declaredTypes(def.innerType, out);
    case "pipe":
      return declaredTypes((def.in as ZodNode)._zod.def.type === "transform" ? def.out : def.in, out);
    case "union":
      for (const option of def.options as unknown[]) declaredTypes(option, out);
      return out;
    case "lazy":
      return declaredTypes((def.getter as () => unknown)(), out);
    case "literal":
      for (const v of def.values as unknown[]) out.add(v === null ? "null" : typeof v);
      return out;
    case "enum":
    case "string":
    case "template_literal":
      return out.add("string");
    case "number":
    case "int":
      return out.add("number");
    case "boolean":
    case "array":
    case "object":
    case "bigint":
    case "date":
    case "file":
    case "map":
    case "set":
    case "null":
    case "undefined":
      return out.add(def.type);
    default:
      return out.add("any");
  }
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  // A FormData is read into a plain object before the schema sees it.
  if (value instanceof FormData) return "object";
  for (const [kind, type] of [
    ["date", Date],
    ["file", File],
    ["map", Map],
    ["set", Set],
  ] as const)
    if (value instanceof type) return kind;
  return typeof value;
}

/** Strings no keyboard types: any field that takes text refuses them. */
const UNTYPEABLE = new Set(["NUL", "NUL inside", "half a surrogate pair"]);

// Fields whose unsafe strings are dropped rather than refused, and why.
const DROPPED_NOT_REFUSED: Record<string, string> = {
  // safeCallback() answers "/" (the role's home) for anything but a same-origin path (finding 1).
  "auth.login callbackUrl": "a sign-in callback",
};

/** Why the schema must refuse this value in this field, or null when it may take it. */
function mustRefuse(action: AnyAction, at: (string | number)[], label: string, value: unknown): string | null {
  const types = declaredTypes(fieldSchema(action.schema, at));
  if (types.has("any")) return null;
  const kind = kindOf(value);
  if (!types.has(kind)) return `it takes ${[...types].sort().join("/")}, not ${kind === "object" ? "an object" : kind}`;
  if (UNTYPEABLE.has(label) && !DROPPED_NOT_REFUSED[`${action.actionName} ${at.join(".")}`]) return "no one types that";
  return null;
}

// ---- Seeded rows, so that ids in the base input exist and a bad field is the only thing wrong.

type Seeds = Record<"invoice" | "draft" | "client" | "service" | "subscription" | "payment" | "outbox" | "invite" | "staff", number>;
let seeds: Seeds;
const actors: Partial<Record<Role, { id: number; role: Role; sessionVersion: number }>> = {};
let keySeq = 0;
const freshKey = () => `fuzz${String(++keySeq).padStart(6, "0")}${newKey().slice(0, 12)}`;

/** What a person would plausibly have typed in a field of this name; unknown names are left out. */
function baseValue(actionName: string, field: string): unknown {
  const area = actionName.split(".")[0];
  const idFor: Record<string, number> = { clients: seeds.client, services: seeds.service, staff: seeds.staff, outbox: seeds.outbox };
  const values: Record<string, unknown> = {
    id: String(idFor[area!] ?? 1),
    invoiceId: String(area === "invoices" && /draft|issue/i.test(actionName) ? seeds.draft : seeds.invoice),
    clientId: String(seeds.client),
    serviceId: String(seeds.service),
    subscriptionId: String(seeds.subscription),
    paymentId: String(seeds.payment),
    inviteId: String(seeds.invite),
    ids: [String(seeds.invoice)],
    clientIds: [String(seeds.client)],
    invoiceIds: [],
    expectedVersion: "1",
    name: "Fuzz Person",
    company: "",
    email: "fuzz-base@test.example",
    phone: "",
    address: "",
    notes: "",
    description: "Fuzzing",
    message: "",
    reference: "",
    reason: "Fuzzing the input",
    subject: "Your invoice",
    to: "fuzz-to@test.example",
    cc: "",
    bcc: "",
    currency: "USD",
    defaultCurrency: "USD",
    locale: "en-US",
    timeZone: "UTC",
    interval: "monthly",
    price: "10.00",
    amount: "10.00",
    discount: "",
    minPayment: "5.00",
    taxRate: "0",
    dueDays: "14",
    invoicePrefix: "INV",
    companyName: "Acme",
    companyAddress: "",
    senderName: "Acme",
    bankInstructions: "",
    cashInstructions: "",
    issueDate: "2026-01-10",
    dueDate: "2026-01-20",
    receivedOn: "2026-01-10",
    method: "cash",
    paymentMethod: "bank_transfer",
    role: "staff",
    decision: "approve",
    change: "enable",
    twoFactor: "none",
    smsOptIn: "on",
    active: "on",
    enabled: true,
    code: "123456",
    token: "not-a-real-token",
    callbackUrl: "/",
    csv: "name,email\nFuzz Import,fuzz-import@test.example",
    lines: [{ serviceId: "", description: "Fuzz line", quantity: "1", unitPrice: "1.00", taxRate: "" }],
    cardNumber: "4242 4242 4242 4242",
    cardExpiry: "12/39",
    cardCvc: "123",
    cardName: "Fuzz",
  };
  if (field === "idempotencyKey" || field === "batchKey") return freshKey();
  return values[field];
}

function baseInput(action: AnyAction, paths: (string | number)[][]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const p of paths) {
    if (p.length !== 1) continue;
    const value = baseValue(action.actionName!, String(p[0]));
    if (value !== undefined) input[String(p[0])] = structuredClone(value);
  }
  return input;
}

function withValue(input: Record<string, unknown>, at: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(input);
  let node: Record<string | number, unknown> = copy;
  for (const key of at.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== "object") node[key] = typeof at[at.indexOf(key) + 1] === "number" ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[at[at.length - 1]!] = value;
  return copy;
}

// ---- What each field is sent.

const HUGE = "x".repeat(100_000);
const VALUES: [string, unknown][] = [
  ["true", true],
  ["false", false],
  ["0", 0],
  ["-1", -1],
  ["1.5", 1.5],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["2^53", 2 ** 53],
  ['"0x1"', "0x1"],
  ['" 1 "', " 1 "],
  ['"1e3"', "1e3"],
  ['""', ""],
  ["NUL", "\u0000"],
  ["NUL inside", "ok\u0000ok"],
  ["half a surrogate pair", "\ud800"],
  ["100,000 characters", HUGE],
  ["a list of strings", ["1", "2"]],
  ["an empty list", []],
  ["a nested list", [["1"], ["2"]]],
  ["an object", { id: 1 }],
  ["a nested object", { a: { b: [1, { c: "\u0000" }] } }],
  ["null", null],
  ["a BigInt", BigInt(1)],
  ["a Date", new Date(0)],
  ["a Map", new Map([["a", 1]])],
  ["a Set", new Set(["1"])],
  ["a File", new File(["1"], "one.txt", { type: "text/plain" })],
];
// Sent in every field at once, and as the whole input.
const ALL_AT_ONCE = VALUES.filter(([label]) => ["true", "-1", '"0x1"', '" 1 "', "NUL", "100,000 characters", "a list of strings", "a nested object", "null", "a File"].includes(label));
const WHOLE_INPUTS: [string, unknown][] = [
  ["null", null],
  ["a string", "id=1"],
  ["a number", 1],
  ["a list", [{ id: 1 }]],
  ["an empty FormData", new FormData()],
  ["an object with __proto__", JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')],
];

function asFormData(input: Record<string, unknown>, repeated?: string, file?: string): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(input)) {
    if (typeof value !== "string") continue;
    data.append(key, value);
    if (key === repeated) data.append(key, value);
  }
  if (file) data.set(file, new File(["\u0000"], "x.bin"));
  return data;
}

// ---- One call, and what its answer may be.

const GENERIC = /Something went wrong on our side/;
const LEAKS =
  /    at |SELECT |INSERT |UPDATE |DELETE FROM|ER_[A-Z_]+|sqlMessage|sqlState|\b(TypeError|RangeError|ReferenceError|SyntaxError|ZodError|DrizzleError|DrizzleQueryError|AuthError|DomainError)\b/;

type Outcome = { kind: "refused" | "accepted"; problem?: string };

/** One call: refused or accepted, and what was wrong with the answer, if anything. */
async function callOnce(action: AnyAction, input: unknown): Promise<Outcome> {
  let state: FormState<unknown>;
  try {
    state = await action(undefined, input as Record<string, unknown>);
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { kind: "accepted" };
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { kind: "refused" };
    return { kind: "refused", problem: `threw instead of answering: ${String(error).slice(0, 200)}` };
  }
  const kind = state?.ok === true ? "accepted" : "refused";
  if (typeof state?.ok !== "boolean" || typeof state.fieldErrors !== "object") return { kind, problem: `answered something that is not form state: ${String(JSON.stringify(state)).slice(0, 200)}` };
  // The echo of what was sent is left out: it is the fuzz value itself.
  const answer = JSON.stringify({ ...state, values: undefined });
  if (GENERIC.test(String(state.formError))) return { kind, problem: "failed on the server (the generic error)" };
  if (actionErrors.length) return { kind, problem: `logged a failure: ${actionErrors.join(" | ").slice(0, 200)}` };
  if (LEAKS.test(answer)) return { kind, problem: `leaked internals: ${answer.slice(0, 300)}` };
  return { kind };
}

const schemaRefuses = (action: AnyAction, input: unknown) => {
  if (!action.schema) return false;
  const raw = input instanceof FormData ? formDataToObject(input) : input;
  return !action.schema.safeParse(raw).success;
};

let actionErrors: string[] = [];
const problems: string[] = [];
const stats = { actions: 0, calls: 0, refused: 0, accepted: 0, checksums: 0 };

/**
 * Runs every call for one action. A call the schema refuses can't reach the
 * handler, so those are checked in runs (one checksum at the end of a run);
 * a call that reaches the handler is checked on its own, before and after.
 */
async function fuzzAction(action: AnyAction, calls: Call[], ip: string) {
  const who = action.permission === "public" ? null : roleFor(action.permission!);
  const signIn = () => actAs(who ? actors[who]! : null, ip);
  await signIn();
  let baseline = await databaseChecksum();
  stats.checksums++;
  let pending: string[] = [];
  const settle = async () => {
    if (pending.length === 0) return;
    const now = await databaseChecksum();
    stats.checksums++;
    if (now !== baseline) {
      problems.push(`${action.actionName}: the database changed although it refused ${pending.length > 1 ? `one of: ${pending.join("; ")}` : pending[0]}`);
      baseline = now;
    }
    pending = [];
  };
  for (const [label, input, refuseBecause] of calls) {
    const name = `${action.actionName} with ${label}`;
    stats.calls++;
    const reachesHandler = !schemaRefuses(action, input);
    if (reachesHandler) await settle();
    actionErrors = [];
    const outcome = await callOnce(action, input);
    if (outcome.problem) problems.push(`${name}: ${outcome.problem}`);
    // Refused means refused by the schema, with a field error: never reinterpreted into something the handler takes.
    if (refuseBecause && reachesHandler) problems.push(`${name}: accepted by the schema, but ${refuseBecause}`);
    if (outcome.kind === "refused") {
      stats.refused++;
      pending.push(label);
      if (reachesHandler) await settle();
    } else {
      stats.accepted++;
      if (!reachesHandler) problems.push(`${name}: accepted what its schema refuses`);
      pending = [];
      baseline = await databaseChecksum();
      stats.checksums++;
      // An accepted call may have changed who is signed in (a sign-in, a sign-out): start each call the same way.
      await signIn();
    }
  }
  await settle();
  stats.actions++;
}

/** The least-privileged role that holds the permission. */
function roleFor(permission: Permission): Role {
  const role = (["client", "staff", "admin"] as const).find((r) => can(r, permission));
  if (!role) throw new Error(`No role holds ${permission}`);
  return role;
}

/** A call: what it is, the input, and why the schema must refuse it (null when it may take it). */
type Call = [label: string, input: unknown, mustRefuse: string | null];

function callsFor(action: AnyAction): Call[] {
  const paths = fieldPaths(action.schema);
  const base = baseInput(action, paths);
  const calls: Call[] = [];
  for (const at of paths) {
    const field = at.join(".");
    for (const [label, value] of VALUES) calls.push([`${field} = ${label}`, withValue(base, at, value), mustRefuse(action, at, label, value)]);
  }
  for (const at of paths.filter((p) => p.length === 1)) {
    const field = String(at[0]);
    calls.push([`${field} repeated in a form`, asFormData({ ...base, [field]: typeof base[field] === "string" ? base[field] : "1" }, field), mustRefuse(action, at, "repeated", ["1", "1"])]);
    calls.push([`${field} as a file in a form`, asFormData(base, undefined, field), mustRefuse(action, at, "a file", new File([], "x"))]);
  }
  for (const [label, value] of ALL_AT_ONCE) {
    let input = structuredClone(base);
    for (const at of paths) input = withValue(input, at, value);
    calls.push([`every field = ${label}`, input, null]);
  }
  for (const [label, value] of WHOLE_INPUTS) calls.push([`the whole input as ${label}`, value, mustRefuse(action, [], label, value)]);
  return calls;
}

let actionsByFile: Map<string, AnyAction[]>;
let actions: AnyAction[];

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ minPaymentMinor: 100 });
  const { user, clientId, invoiceId, staff } = await portalClientWithInvoice(50_000);
  const admin = await createUser({ role: "admin" });
  const target = await createUser({ role: "staff" });
  actors.client = user;
  actors.staff = staff;
  actors.admin = admin;
  const actor = { id: staff.id, role: "staff" as const, ip: "127.0.0.1" };
  const serviceId = await createService({ name: "Fuzzed service" });
  const sub = await subscribeToService(getDb(), { clientId, serviceId: await createService({ name: "Fuzz care" }), paymentMethod: "bank_transfer", actor });
  const { id: draftId } = await createDraftInvoice(getDb(), { ...draft(clientId), actor });
  const payment = await recordPayment(getDb(), { invoiceId, amountMinor: 1_000, method: "bank_transfer", reference: null, status: "pending", idempotencyKey: "fuzz-pending-payment", actor });
  const message = await enqueueCommitted(emailInput());
  const outboxId = (message as { id?: number }).id ?? (await getDb().select({ id: outbox.id }).from(outbox).limit(1))[0]!.id;
  await getDb().update(outbox).set({ status: "dead" }).where(eq(outbox.id, outboxId));
  const invite = await insertPendingInvite(admin.id);
  seeds = {
    invoice: invoiceId,
    draft: draftId,
    client: clientId,
    service: serviceId,
    subscription: sub.subscriptionId,
    payment: payment.paymentId,
    outbox: outboxId,
    invite: invite.id,
    staff: target.id,
  };
  actionsByFile = await discoverActions();
  actions = [...actionsByFile.values()].flat();
  // Unexpected failures are logged by the action builder as "[action name] failed"; any such log fails the call.
  const original = console.error;
  jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("[action ")) actionErrors.push(`${args[0]} ${String((args[1] as { error?: unknown })?.error)}`);
    else if (process.env.FUZZ_VERBOSE) original(...args);
  });
});

describe("every server action, fuzzed", () => {
  it("finds the actions on disk, each with its permission and a schema whose fields can be listed", () => {
    expect(actions.length).toBeGreaterThanOrEqual(50);
    for (const action of actions) {
      expect({ action: action.actionName, hasSchema: Boolean(action.schema) }).toEqual({ action: action.actionName, hasSchema: true });
      expect(unwrap(action.schema)?._zod.def.type).toBe("object");
    }
  });

  // One test per file, so each stays short (a busy machine stretches each
  // file's calls, not one test holding all of them) and a failure names its file.
  let n = 0;
  let started = 0;
  beforeAll(() => void (started = Date.now()));
  it.each(FILES)("answers every wrong input to the actions of %s with form state, leaks nothing, and changes nothing when it refuses", async (file) => {
    const before = problems.length;
    for (const action of actionsByFile.get(file) ?? []) await fuzzAction(action, callsFor(action), `203.0.113.${(n++ % 250) + 1}`);
    expect(problems.slice(before)).toEqual([]);
  });

  it("fuzzed every action it found, and refused more calls than it accepted", () => {
    console.info(
      `action fuzz: ${stats.actions} actions, ${stats.calls} calls (${stats.refused} refused, ${stats.accepted} accepted), ${stats.checksums} checksums, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(problems).toEqual([]);
    expect(stats.actions).toBe(actions.length);
    expect(stats.refused).toBeGreaterThan(stats.accepted);
  });
});
