// The password strength rules, kept apart from hashing so forms can check
// them in the browser as the server does.

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
