"use client";

import * as React from "react";

import { cn } from "@/lib/utils";

type CheckedState = boolean | "indeterminate";

type CheckboxProps = Omit<React.ComponentProps<"input">, "type" | "checked" | "onChange"> & {
  checked?: CheckedState;
  onCheckedChange?: (checked: boolean) => void;
};

/**
 * A native checkbox, drawn to match the kit: it posts "on" (or `value`) in a
 * form, toggles from its label and the space bar, and costs one element to
 * render, which matters in lists that show one per row. `checked` may be
 * "indeterminate" for a select-all box (set as the DOM property it is).
 */
function Checkbox({ className, checked, onCheckedChange, ref, ...props }: CheckboxProps) {
  const inner = React.useRef<HTMLInputElement>(null);
  React.useImperativeHandle(ref, () => inner.current!, []);
  React.useEffect(() => {
    if (inner.current) inner.current.indeterminate = checked === "indeterminate";
  }, [checked]);
  return (
    <input
      ref={inner}
      type="checkbox"
      className={cn("cd-checkbox", className)}
      {...(checked === undefined ? {} : { checked: checked === true })}
      aria-checked={checked === "indeterminate" ? "mixed" : undefined}
      onChange={onCheckedChange ? (event) => onCheckedChange(event.currentTarget.checked) : undefined}
      {...props}
    />
  );
}

export { Checkbox };
