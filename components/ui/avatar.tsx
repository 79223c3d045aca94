import * as React from "react";

import { cn } from "@/lib/utils";

function initialsOf(name: string) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0], words.at(-1)] : words;
  // Array.from keeps astral characters (emoji, some scripts) whole instead of splitting surrogate pairs.
  const initials = picked.map((word) => Array.from(word ?? "")[0] ?? "").join("");
  return initials.toUpperCase() || "?";
}

type AvatarProps = Omit<React.ComponentProps<"span">, "children"> & { name: string };

/** Initials in a circle, named by the full name; no remote images, so nothing to load or leak. */
function Avatar({ name, className, ...props }: AvatarProps) {
  return (
    <span
      role="img"
      aria-label={name}
      className={cn("inline-flex size-8 shrink-0 select-none items-center justify-center rounded-full bg-muted text-xs font-medium text-muted-foreground", className)}
      {...props}
    >
      {/* Drawn by CSS, not text in the page: inside a control named by the person's name, initials as text would be visible words missing from that name (WCAG 2.5.3). */}
      <span aria-hidden="true" data-initials={initialsOf(name)} className="before:content-[attr(data-initials)]" />
    </span>
  );
}

export { Avatar };
