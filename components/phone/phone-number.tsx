import { shownPhone } from "@/lib/phone-shown";

/**
 * A stored E.164 number as people read it in the business's country `region`
 * (lib/phone formatPhone: national at home, international abroad; the page
 * gets the region with regionFromLocale(settings.locale)), optionally as a
 * tel: link. A server component, so no phone metadata goes to the browser
 * just to show a number.
 */
export function PhoneNumber({ value, region, link = false, className }: { value: string; region: string; link?: boolean; className?: string }) {
  const shown = shownPhone(value, region);
  if (!link) return <span className={className}>{shown}</span>;
  return (
    <a href={`tel:${value}`} className={className}>
      {shown}
    </a>
  );
}
