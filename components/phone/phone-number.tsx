import { getBusinessTime } from "@/lib/business-time";
import { formatPhone, regionFromLocale } from "@/lib/phone";

type Props = { value: string; link?: boolean; className?: string };

/**
 * A stored E.164 number as people read it in the business's country (lib/phone
 * formatPhone: national at home, international abroad), optionally as a tel:
 * link. Formatted on the server, so no phone metadata goes to the browser just
 * to show a number.
 */
export async function PhoneNumber(props: Props) {
  return <PhoneNumberIn region={regionFromLocale((await getBusinessTime()).locale)} {...props} />;
}

/** The same, for a given home region. */
export function PhoneNumberIn({ value, region, link = false, className }: Props & { region: string }) {
  const shown = formatPhone(value, region);
  if (!link) return <span className={className}>{shown}</span>;
  return (
    <a href={`tel:${value}`} className={className}>
      {shown}
    </a>
  );
}
