"use client";

import { Suspense, useState, type ReactElement, type ReactNode } from "react";

/** What the stand-in button gets: it says a popup is closed, starts the download on approach, and opens it on click. */
export type DeferredTriggerProps = {
  "aria-expanded": false;
  onPointerEnter: () => void;
  onFocus: () => void;
  onClick: () => void;
};

/**
 * A popup (menu, drawer, dialog) whose code loads on first use. The shell's
 * account menu and navigation drawer, the confirmations and the row dialogs
 * are Radix components (with, for some, the phone field and zod), worth from
 * 15 to 120 kB gzip, on pages where most views never open them. Until then
 * `trigger` draws a plain button that looks the same; pointing at it or
 * focusing it starts the download (`load`, the popup module's import), and
 * clicking it renders `popup`, which opens at once. `popup` gets the same
 * button without the stand-in's handlers, for its own Radix trigger, so focus
 * comes back to it when the popup closes.
 *
 * `popup` must render a component made with React.lazy at module level, from
 * the same import as `load`.
 */
export function DeferredPopup({
  load,
  trigger,
  popup,
}: {
  load: () => Promise<unknown>;
  trigger: (props: DeferredTriggerProps | object) => ReactElement;
  popup: (trigger: ReactElement) => ReactNode;
}) {
  const [opened, setOpened] = useState(false);
  const preload = () => void load();
  const standIn = trigger({
    "aria-expanded": false,
    onPointerEnter: preload,
    onFocus: preload,
    onClick: () => {
      preload();
      setOpened(true);
    },
  } satisfies DeferredTriggerProps);
  if (!opened) return standIn;
  return <Suspense fallback={standIn}>{popup(trigger({}))}</Suspense>;
}
