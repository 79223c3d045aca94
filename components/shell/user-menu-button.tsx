import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";

type Props = React.ComponentProps<typeof Button> & { name: string };

/** The account menu's button, the same before and after the menu's code has loaded. */
export function UserMenuButton({ name, ...props }: Props) {
  return (
    <Button variant="ghost" className="h-10 gap-2 px-2" aria-label={`Account menu for ${name}`} aria-haspopup="menu" {...props}>
      <Avatar name={name} aria-hidden="true" />
      <span className="hidden max-w-40 truncate text-sm font-medium sm:inline">{name}</span>
    </Button>
  );
}
