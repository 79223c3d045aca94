// The invoice document's stylesheet. The same string styles the HTML view
// (inlined by the component) and the PDF (no Tailwind, no remote fonts), so
// both look the same. Scoped under .invoice-doc so it can't leak into the app.
export const invoiceDocumentCss = `
.invoice-doc{--ink:#0f172a;--muted:#5b6576;--line:#e2e8f0;--soft:#f1f5f9;--accent:#1d4ed8;position:relative;background:#fff;color:var(--ink);font-family:"Invoice Sans","Liberation Sans",Arial,Helvetica,sans-serif;font-size:13px;line-height:1.5;padding:40px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.invoice-doc *{box-sizing:border-box}
.invoice-doc h1,.invoice-doc h2,.invoice-doc p,.invoice-doc dl,.invoice-doc dd{margin:0}
.invoice-doc .doc-head{display:flex;justify-content:space-between;align-items:flex-start;gap:24px}
.invoice-doc .doc-logo{display:block;max-height:48px;max-width:180px;margin-bottom:10px}
.invoice-doc .doc-company-name{font-size:17px;font-weight:650}
.invoice-doc .doc-small{color:var(--muted);font-size:12px;white-space:pre-line}
.invoice-doc .doc-title{text-align:right}
.invoice-doc .doc-title .doc-heading{font-size:28px;font-weight:700;letter-spacing:-.01em;line-height:1.1}
.invoice-doc .doc-number{margin-top:4px;font-size:14px;font-weight:600;color:var(--accent)}
.invoice-doc .doc-parties{display:grid;grid-template-columns:1fr auto;gap:24px;margin-top:32px}
.invoice-doc .doc-label{font-size:10.5px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);margin-bottom:4px}
.invoice-doc .doc-client-name{font-size:14px;font-weight:600}
.invoice-doc .doc-dates{display:grid;grid-template-columns:auto auto;gap:3px 20px;align-content:start}
.invoice-doc .doc-dates dt{color:var(--muted)}
.invoice-doc .doc-dates dd{text-align:right;font-weight:500}
.invoice-doc .doc-due{margin-top:6px;padding:8px 12px;border-radius:6px;background:var(--soft);display:flex;justify-content:space-between;gap:16px;font-weight:650}
.invoice-doc .doc-table-wrap{margin-top:28px;overflow-x:auto}
.invoice-doc table{width:100%;border-collapse:collapse}
.invoice-doc thead{display:table-header-group}
.invoice-doc tr{break-inside:avoid;page-break-inside:avoid}
.invoice-doc th{padding:8px 8px;border-bottom:1.5px solid var(--ink);font-size:10.5px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);text-align:left;white-space:nowrap}
.invoice-doc td{padding:8px 8px;border-bottom:1px solid var(--line);vertical-align:top}
.invoice-doc th:first-child,.invoice-doc td:first-child{padding-left:0}
.invoice-doc th:last-child,.invoice-doc td:last-child{padding-right:0}
.invoice-doc .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.invoice-doc .doc-pos{color:var(--muted);width:28px}
.invoice-doc .doc-bottom{display:flex;justify-content:space-between;gap:32px;margin-top:18px;break-inside:avoid;page-break-inside:avoid}
.invoice-doc .doc-notes{flex:1;min-width:0}
.invoice-doc .doc-notes p{white-space:pre-line}
.invoice-doc .doc-notes > div + div{margin-top:14px}
.invoice-doc .doc-totals{width:290px;flex:none}
.invoice-doc .doc-totals div{display:flex;justify-content:space-between;gap:16px;padding:4px 0}
.invoice-doc .doc-totals dd{font-variant-numeric:tabular-nums}
.invoice-doc .doc-totals .doc-grand{border-top:1.5px solid var(--ink);margin-top:4px;padding-top:8px;font-weight:700;font-size:14px}
.invoice-doc .doc-totals .doc-balance{margin-top:6px;padding:8px 12px;border-radius:6px;background:var(--soft);font-weight:700;font-size:15px}
.invoice-doc .doc-section{margin-top:28px;break-inside:avoid;page-break-inside:avoid}
.invoice-doc .doc-table-tight{margin-top:0}
.invoice-doc .doc-section h2{font-size:10.5px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);margin-bottom:6px}
.invoice-doc .doc-void{margin-top:20px;padding:10px 12px;border:1px solid #fecaca;background:#fef2f2;border-radius:6px;color:#991b1b}
.invoice-doc .doc-footer{margin-top:36px;padding-top:12px;border-top:1px solid var(--line);color:var(--muted);font-size:11.5px;text-align:center}
.invoice-doc .doc-stamp{position:absolute;top:118px;right:44px;transform:rotate(-12deg);border:4px solid currentColor;border-radius:10px;padding:2px 18px;font-size:40px;font-weight:800;letter-spacing:0;line-height:1.2;opacity:.8;pointer-events:none}
.invoice-doc .doc-stamp-paid{color:#15803d}
.invoice-doc .doc-stamp-void{color:#b91c1c}
.invoice-doc .doc-stamp-draft{color:#94a3b8}
@media (max-width:640px){
.invoice-doc{padding:20px;font-size:12.5px}
.invoice-doc .doc-head,.invoice-doc .doc-bottom{flex-direction:column}
.invoice-doc .doc-title{text-align:left}
.invoice-doc .doc-parties{grid-template-columns:1fr}
.invoice-doc .doc-dates dd{text-align:left}
.invoice-doc .doc-totals{width:100%}
.invoice-doc .doc-stamp{top:16px;right:16px;font-size:22px;border-width:3px;padding:0 10px}
.invoice-doc .doc-pos{display:none}
.invoice-doc th,.invoice-doc td{padding:7px 5px}
.invoice-doc th{font-size:9.5px;letter-spacing:.03em}
}
`;
