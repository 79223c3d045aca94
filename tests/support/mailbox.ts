// Reads one RFC 5322 mailbox ("quoted name" <address>) the way a mail
// client would, so tests can check that a From header holds exactly the
// name that was set and one address, whatever characters the name has.
export function parseMailbox(header: string): { name: string; address: string } | null {
  if (!header.startsWith('"')) return null;
  let name = "";
  let i = 1;
  for (; i < header.length; i++) {
    const ch = header[i]!;
    if (ch === "\\") name += header[++i] ?? "";
    else if (ch === '"') break;
    else if (ch === "\r" || ch === "\n") return null;
    else name += ch;
  }
  const rest = /^" <([^<>"\s,]+)>$/.exec(header.slice(i));
  return rest ? { name, address: rest[1]! } : null;
}
