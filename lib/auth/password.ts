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

// The rules live apart from hashing so browser code can import them.
export { PASSWORD_MIN_LENGTH, passwordProblems } from "./password-rules";
