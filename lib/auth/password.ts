import { hash, verify } from "@node-rs/argon2";

// argon2id (2 in the library's const enum, which isolatedModules can't import)
// with the OWASP-recommended minimum: 19 MiB, 2 passes.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Spend the same time as a real check so a missing account isn't revealed by timing.
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export const PASSWORD_MIN_LENGTH = 10;

const COMMON = ["password", "123456", "qwerty", "letmein", "welcome", "iloveyou", "admin123"];

/** Strength rules shared by sign-up, invites, resets and password changes. */
export function passwordProblems(password: string, context: { email?: string; name?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > 200) problems.push("Use at most 200 characters");
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) problems.push("Mix at least three of: lower case, upper case, digits, symbols");
  const lowered = password.toLowerCase();
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lowered.includes(local)) problems.push("Don't include your email address");
  if (/^(.)\1+$/.test(password) || COMMON.some((c) => lowered.includes(c))) problems.push("Choose a less common password");
  return problems;
}
