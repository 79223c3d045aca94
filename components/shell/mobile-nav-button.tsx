import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";

/** The navigation drawer's button, the same before and after the drawer's code has loaded. */
export function MobileNavButton(props: React.ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" size="icon" className="lg:hidden" aria-label="Open navigation" aria-haspopup="dialog" {...props}>
      <Icon name="menu" aria-hidden="true" />
    </Button>
  );
}
