import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";

// What the browser sends back from navigator.credentials, as JSON text in a
// form field. Only its shape is checked here; @simplewebauthn/server checks
// the signature, challenge, origin and RP ID.
function parseObject(text: string): Record<string, unknown> | null {
  if (text.length > 64_000) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function hasCredentialShape(value: Record<string, unknown>, fields: string[]): boolean {
  const response = value.response as Record<string, unknown> | null;
  return (
    typeof value.id === "string" &&
    value.id.length > 0 &&
    value.id.length <= 512 &&
    typeof value.rawId === "string" &&
    value.type === "public-key" &&
    !!response &&
    typeof response === "object" &&
    fields.every((f) => typeof response[f] === "string")
  );
}

export function parseRegistrationResponse(text: string): RegistrationResponseJSON | null {
  const value = parseObject(text);
  return value && hasCredentialShape(value, ["clientDataJSON", "attestationObject"]) ? (value as unknown as RegistrationResponseJSON) : null;
}

export function parseAuthenticationResponse(text: string): AuthenticationResponseJSON | null {
  const value = parseObject(text);
  return value && hasCredentialShape(value, ["clientDataJSON", "authenticatorData", "signature"]) ? (value as unknown as AuthenticationResponseJSON) : null;
}
