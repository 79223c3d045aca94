import { activeHref } from "@/components/shell/nav-links";

const items = [
  { href: "/admin", label: "Dashboard", icon: "dashboard" as const },
  { href: "/admin/clients", label: "Clients", icon: "clients" as const },
  { href: "/admin/outbox", label: "Outbox", icon: "outbox" as const },
];

describe("the sidebar marks one entry as the current page", () => {
  it.each([
    ["/admin", "/admin"],
    ["/admin/outbox", "/admin/outbox"],
    ["/admin/clients/42", "/admin/clients"],
    // The profile lives in the user menu, not the sidebar: the dashboard isn't where you are.
    ["/admin/profile", undefined],
    ["/admin/settings", undefined],
    ["/portal", undefined],
  ])("%s → %s", (pathname, expected) => {
    expect(activeHref(pathname, items)).toBe(expected);
  });
});
