import { parsePhone, smsError } from "@/lib/phone";

/**
 * Why a stored (E.164) number can't take the texts a client agreed to, or
 * null when it can. Forms that read a typed number check this with the number
 * (lib/validation/phone.ts, `texts`); this is for the places that check it
 * against a number already on file: opting in to texts, or a new number while
 * opted in.
 */
export function storedNumberTextsError(e164: string | null): string | null {
  if (!e164) return "Add a mobile number to your profile first: texts need one";
  const parsed = parsePhone(e164, null);
  if (!parsed.ok) return parsed.error;
  return smsError(parsed);
}
