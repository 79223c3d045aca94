/** FormData to a plain object: repeated keys become arrays, React's internal keys are dropped. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : value;
    const existing = out[key];
    if (existing === undefined) out[key] = v;
    else if (Array.isArray(existing)) existing.push(v);
    else out[key] = [existing, v];
  }
  return out;
}
