"use client";

// Last resort when the root layout itself fails; it renders its own <html>.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", display: "grid", placeItems: "center", minHeight: "100vh", margin: 0 }}>
        <div style={{ textAlign: "center", maxWidth: 420, padding: 24 }}>
          <h1 data-stand-in="" style={{ fontSize: 22 }}>
            ClientDesk hit an unexpected error
          </h1>
          <p style={{ color: "#555" }}>Nothing you entered was lost. Try again, and if it keeps happening, tell your administrator.</p>
          <button onClick={reset} style={{ marginTop: 16, padding: "8px 16px", borderRadius: 6, border: "1px solid #ccc", cursor: "pointer" }}>
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
