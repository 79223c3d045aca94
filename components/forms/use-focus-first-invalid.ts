"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Puts the cursor in a form's first field marked aria-invalid once React has
 * drawn the errors: after the commit, not on the next frame, since a check
 * that loads on first use can answer after the click, and Chromium may run
 * that frame before the errors are drawn. Put `ref` on the <form> and call
 * `focusFirstInvalid()` with the errors.
 */
export function useFocusFirstInvalid() {
  const ref = useRef<HTMLFormElement>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests) ref.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [requests]);
  return { ref, focusFirstInvalid: () => setRequests((n) => n + 1) };
}
