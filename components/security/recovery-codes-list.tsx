"use client";

/** Recovery codes, shown once right after they are made. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  return (
    <div role="region" aria-label="Your new recovery codes" className="grid gap-2 rounded-md border border-warning/40 bg-warning/10 p-4 text-sm">
      <p className="font-medium">Save these recovery codes now: they won&apos;t be shown again.</p>
      <p className="text-muted-foreground">Each one signs you in once if you lose your app or passkey. Keep them somewhere safe, like a password manager.</p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-1 font-mono">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </div>
  );
}
