import type { SVGProps } from "react";
import type { IconName } from "./icon-sprite";

// The sprite's address with its version (next.config.mjs `env`); "/icons.svg" where no build set it (jest).
const SPRITE = process.env.CLIENTDESK_ICON_SPRITE ?? "/icons.svg";

type IconProps = Omit<SVGProps<SVGSVGElement>, "children" | "name"> & { name: IconName };

/**
 * A lucide icon drawn from the sprite (app/icons.svg/route.ts): the page
 * carries a <use> of a few bytes, not the icon's paths, and nothing to
 * hydrate. Hidden from assistive technology unless it is given a label.
 */
export function Icon({ name, ...props }: IconProps) {
  const labelled = props["aria-label"] !== undefined || props["aria-labelledby"] !== undefined;
  return (
    <svg width={24} height={24} aria-hidden={labelled ? undefined : "true"} {...props}>
      <use href={`${SPRITE}#${name}`} />
    </svg>
  );
}
