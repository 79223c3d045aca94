import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { RateLimiterMemory, RateLimiterQueue } from "rate-limiter-flexible";
import { getDb, type Db } from "@/db";
import { readSettings } from "@/db/queries/settings";
import { resolveAttachments } from "./attachments";
import { defaultBackoff, type BackoffPolicy } from "./backoff";
import { claimDue, recordAttempt, type AttemptResult, type ClaimedMessage } from "./claim";
import { contentForSending, scrubSecrets, SecretsUnavailableError } from "./message-secrets";
import type { MessageContent } from "./placeholders";
import { deferClaims, releaseClaims } from "./release";
import { ProviderError, ProviderRateLimitError, type EmailProvider, type Providers, type SendResult, type SmsProvider } from "./providers";

export type WorkerOptions = {
  providers: Providers;
  /** Unique per worker; recorded as locked_by. */
  workerId?: string;
  db?: Db;
  /** How long a claim holds a message before another worker may take it over. */
  leaseMs?: number;
  /** Messages claimed, and sent in parallel, per round. */
  batchSize?: number;
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /** The wait between rounds when nothing was due and no kick came. */
  pollMs?: number;
  /** Messages of a claimed batch sent at once (default: the whole batch). */
  concurrency?: number;
  /** How long stop() waits for sends already in flight. */
  stopTimeoutMs?: number;
};

export type OutboxWorker = {
  readonly id: string;
  /** One round: claim due messages, send them, record the results. Resolves to the number claimed. */
  runOnce(): Promise<number>;
  /** Runs rounds until stop(): at once while there is a backlog, else on a kick or after pollMs. */
  start(): void;
  /**
   * Stops for good: claims nothing more, hands back at once the messages it
   * claimed but hasn't started sending, and waits (up to stopTimeoutMs) for
   * the sends in flight to be recorded.
   */
  stop(): Promise<void>;
  /** Starts the next round now. */
  kick(): void;
};

const MAX_ERROR_LENGTH = 2000;

type Provider = EmailProvider | SmsProvider;

/**
 * Holds each send to the provider's `maxPerSecond`: one send per 1/rate
 * seconds rather than `rate` per fixed second, since two fixed windows' bursts
 * can meet at their edge (twice the rate within one second).
 */
function pacer(maxPerSecond: number | undefined): RateLimiterQueue | null {
  return maxPerSecond ? new RateLimiterQueue(new RateLimiterMemory({ points: 1, duration: 1 / maxPerSecond })) : null;
}

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`.slice(-64);
}

export function createWorker(options: WorkerOptions): OutboxWorker {
  const id = options.workerId ?? newWorkerId();
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 10;
  const maxAttempts = options.maxAttempts ?? 6;
  const backoff = options.backoff ?? defaultBackoff;
  const pollMs = options.pollMs ?? 2000;
  const concurrency = Math.max(1, options.concurrency ?? batchSize);
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const { providers } = options;
  const db = () => options.db ?? getDb();

  // Keyed by provider, so one object serving both channels (capture) is one pace.
  const pacers = new Map<Provider, RateLimiterQueue | null>([providers.email, providers.sms].map((p) => [p, pacer(p.maxPerSecond)]));
  // When each provider that answered 429 takes messages again (this process's clock).
  const pausedUntil = new Map<Provider, number>();
  const providerOf = (message: ClaimedMessage): Provider => (message.channel === "sms" ? providers.sms : providers.email);
  const pauseLeft = (provider: Provider) => Math.max(0, (pausedUntil.get(provider) ?? 0) - Date.now());

  let stopping = false;
  // Claimed by this worker and not yet handed to the provider: what a stop releases.
  const unstarted = new Set<ClaimedMessage>();
  const rounds = new Set<Promise<number>>();

  async function send(message: ClaimedMessage, content: MessageContent, senderName: () => Promise<string>): Promise<SendResult> {
    // The row's id makes the provider key unique across installs sharing one provider account.
    const idempotencyKey = `${message.id}:${message.idempotencyKey}`;
    if (message.channel === "sms") return providers.sms.sendSms({ to: message.to[0]!, body: content.text, idempotencyKey });
    const delivers = providers.email.delivers;
    const attachments = delivers ? await resolveAttachments(message.attachments) : [];
    return providers.email.sendEmail({
      senderName: delivers ? await senderName() : null,
      to: message.to,
      cc: message.cc,
      bcc: message.bcc,
      subject: content.subject ?? "",
      html: content.html,
      text: content.text,
      attachments,
      idempotencyKey,
    });
  }

  async function handle(message: ClaimedMessage, senderName: () => Promise<string>): Promise<void> {
    const started = performance.now();
    let result: AttemptResult;
    // The decrypted codes and links, kept only to mask them in what gets recorded and logged.
    let secrets: string[] = [];
    try {
      const { content, values } = contentForSending(message);
      secrets = values;
      result = await send(message, content, senderName);
    } catch (error) {
      // A provider's error may quote the message back: no secret reaches last_error or the logs.
      const text = scrubSecrets(error instanceof Error ? error.message : String(error), secrets);
      if (error instanceof ProviderRateLimitError) return rateLimited(message, error.retryAfterMs, text);
      const permanent = (error instanceof ProviderError && error.permanent) || error instanceof SecretsUnavailableError;
      result = { status: "failed", error: text.slice(0, MAX_ERROR_LENGTH), permanent };
    }
    try {
      const { applied, status } = await recordAttempt(db(), message, result, { workerId: id, durationMs: performance.now() - started, maxAttempts, backoff });
      if (!applied) console.warn(`[outbox ${id}] message ${message.id}: lease lost before recording "${result.status}"; another worker owns it now.`);
      if (status === "dead") console.error(`[outbox ${id}] message ${message.id} is dead after attempt ${message.attempts}: ${result.status === "failed" ? result.error : ""}`);
    } catch (error) {
      // The lease runs out and another round retries it: at least once, never lost.
      // Only the error's text, masked: a driver error can carry the failed query and its values.
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
      console.error(`[outbox ${id}] message ${message.id}: could not record the attempt: ${scrubSecrets(`${error instanceof Error ? error.message : String(error)}${cause}`, secrets)}`);
    }
  }

  /**
   * A 429 is not the message's fault: it goes back unclaimed, due after the
   * provider's Retry-After, without using an attempt, and the provider gets
   * nothing more from this worker until then (sendAll holds the rest back).
   */
  async function rateLimited(message: ClaimedMessage, retryAfterMs: number, reason: string): Promise<void> {
    const provider = providerOf(message);
    pausedUntil.set(provider, Math.max(pausedUntil.get(provider) ?? 0, Date.now() + retryAfterMs));
    const seconds = Math.ceil(retryAfterMs / 1000);
    console.warn(`[outbox ${id}] ${provider.name} is rate limiting; sending again in ${seconds} s`);
    try {
      await deferClaims(db(), [message.id], id, { delayMs: retryAfterMs, lastError: `${reason.slice(0, MAX_ERROR_LENGTH - 80)}; due again in ${seconds} s, no attempt used.` });
    } catch (error) {
      // Its lease runs out and another round takes it; that counts an attempt, nothing worse.
      console.error(`[outbox ${id}] message ${message.id}: could not put it back after a 429: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function round(): Promise<number> {
    const claimed = await claimDue(db(), { workerId: id, leaseMs, limit: batchSize, maxAttempts });
    // The sender name is a setting, not part of the queued row: read it once
    // per round, and only if an email goes out, so a rename applies to the
    // next send. A failed read fails those sends, which are then retried.
    let sender: Promise<string> | undefined;
    const senderName = () => (sender ??= readSettings(db()).then((s) => s.senderName));
    await sendAll(claimed, (m) => handle(m, senderName));
    return claimed.length;
  }

  /**
   * Sends `concurrency` at a time, each at its provider's pace; once
   * stopping, starts no more and releases what is left. Messages for a
   * provider that answered 429 are not sent: they go back unclaimed, due when
   * it takes messages again.
   */
  async function sendAll(claimed: ClaimedMessage[], deliver: (message: ClaimedMessage) => Promise<void>): Promise<void> {
    for (const message of claimed) unstarted.add(message);
    let next = 0;
    const sender = async () => {
      while (!stopping && next < claimed.length) {
        const message = claimed[next++]!;
        const provider = providerOf(message);
        if (pauseLeft(provider)) continue;
        await pacers.get(provider)?.removeTokens(1);
        // A 429 may have come while this one waited its turn.
        if (pauseLeft(provider)) continue;
        if (unstarted.delete(message)) await deliver(message);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, sender));
    // Left when held back by a 429, or when a stop came during the claim or while these waited their turn.
    const left = claimed.filter((message) => unstarted.delete(message));
    const held = new Map<Provider, number[]>();
    const toRelease: number[] = [];
    for (const message of left) {
      const provider = providerOf(message);
      if (!stopping && pauseLeft(provider)) held.set(provider, [...(held.get(provider) ?? []), message.id]);
      else toRelease.push(message.id);
    }
    for (const [provider, ids] of held) await deferClaims(db(), ids, id, { delayMs: pauseLeft(provider) });
    if (toRelease.length) await releaseClaims(db(), toRelease, id);
  }

  function runOnce(): Promise<number> {
    if (stopping) return Promise.resolve(0);
    const current = round();
    rounds.add(current);
    const done = () => rounds.delete(current);
    current.then(done, done);
    return current;
  }

  async function release(): Promise<void> {
    const left = [...unstarted];
    unstarted.clear();
    try {
      await releaseClaims(
        db(),
        left.map((m) => m.id),
        id,
      );
    } catch (error) {
      // Their leases run out instead, and another worker takes them then.
      console.error(`[outbox ${id}] could not release ${left.length} unsent messages on stop`, error);
    }
  }

  let running = false;
  let loop: Promise<void> | null = null;
  let kicked = false;
  let wake: (() => void) | null = null;

  function kick() {
    kicked = true;
    wake?.();
  }

  function idle(ms: number): Promise<void> {
    if (kicked) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wake = done;
    });
  }

  async function run() {
    while (running) {
      kicked = false;
      let claimed = 0;
      try {
        claimed = await runOnce();
      } catch (error) {
        console.error(`[outbox ${id}] round failed; retrying in ${pollMs} ms`, error);
      }
      if (running && claimed < batchSize) await idle(pollMs);
    }
  }

  return {
    id,
    runOnce,
    kick,
    start() {
      if (running || stopping) return;
      running = true;
      loop = run();
    },
    async stop() {
      stopping = true;
      running = false;
      wake?.();
      let timer: NodeJS.Timeout | undefined;
      const finished = Promise.allSettled([release(), loop, ...rounds]).then(() => true);
      const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), stopTimeoutMs)));
      const inTime = await Promise.race([finished, timeout]);
      clearTimeout(timer);
      if (!inTime) console.warn(`[outbox ${id}] stopped with sends still in flight after ${stopTimeoutMs} ms; their leases run out and another worker retries them.`);
      loop = null;
    },
  };
}
