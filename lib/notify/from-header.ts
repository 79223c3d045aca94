/**
 * The From header for outgoing email: the sender name from settings, quoted,
 * with the address from EMAIL_FROM. EMAIL_FROM may be a bare address or carry
 * its own display name ("ClientDesk <billing@example.com>"); the setting
 * replaces that name, so admins control it without a deploy.
 *
 * The name is always a quoted-string (RFC 5322): quotes and backslashes are
 * escaped, so commas, angle brackets or an "@" can't be read as more
 * addresses, and line breaks are dropped so nothing can add a header.
 */
export function fromHeader(senderName: string | null | undefined, emailFrom: string): string {
  const address = fromAddress(emailFrom);
  const name = (senderName ?? "")
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!name) return address;
  return `"${name.replace(/[\\"]/g, "\\$&")}" <${address}>`;
}

/** The address part of EMAIL_FROM: inside the last <...>, or the whole value. */
export function fromAddress(emailFrom: string): string {
  const bracketed = /<([^<>]+)>\s*$/.exec(emailFrom);
  return (bracketed ? bracketed[1]! : emailFrom).trim();
}
