import type { CSSProperties } from "react";

// Inline styles only: mail clients drop <style> blocks and never load our
// CSS. The font stack is system fonts, so nothing is fetched from the network.
const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif";

export const styles = {
  body: { margin: 0, padding: "24px 0", backgroundColor: "#f4f4f5", fontFamily: font, color: "#18181b" },
  container: { maxWidth: "560px", margin: "0 auto", padding: "0 16px" },
  brand: { fontSize: "18px", fontWeight: 700, margin: "0 0 16px" },
  card: { backgroundColor: "#ffffff", borderRadius: "8px", padding: "24px", border: "1px solid #e4e4e7" },
  heading: { fontSize: "20px", fontWeight: 600, margin: "0 0 16px", lineHeight: "28px" },
  text: { fontSize: "15px", lineHeight: "24px", margin: "0 0 16px" },
  muted: { fontSize: "13px", lineHeight: "20px", color: "#71717a", margin: "0 0 8px" },
  note: { fontSize: "15px", lineHeight: "24px", margin: "0 0 16px", padding: "12px 16px", backgroundColor: "#f4f4f5", borderRadius: "6px" },
  button: { backgroundColor: "#1d4ed8", color: "#ffffff", padding: "10px 18px", borderRadius: "6px", fontSize: "15px", fontWeight: 600, textDecoration: "none", display: "inline-block" },
  secondaryButton: {
    backgroundColor: "#ffffff",
    color: "#18181b",
    padding: "9px 17px",
    borderRadius: "6px",
    fontSize: "15px",
    fontWeight: 600,
    textDecoration: "none",
    display: "inline-block",
    border: "1px solid #d4d4d8",
  },
  code: { fontSize: "28px", fontWeight: 700, letterSpacing: "6px", margin: "8px 0 16px", fontFamily: "'SFMono-Regular', Menlo, Consolas, monospace" },
  summaryLabel: { fontSize: "14px", color: "#52525b", padding: "6px 0" },
  summaryValue: { fontSize: "14px", fontWeight: 600, padding: "6px 0", textAlign: "right" },
  hr: { borderColor: "#e4e4e7", margin: "16px 0" },
  link: { color: "#1d4ed8", wordBreak: "break-all" },
} satisfies Record<string, CSSProperties>;
