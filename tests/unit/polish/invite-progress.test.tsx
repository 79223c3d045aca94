import { render, screen } from "@testing-library/react";
import { InviteProgress } from "@/components/invites/invite-progress";
import { ViewerTimeProvider } from "@/components/time/viewer-time";

const at = new Date(Date.UTC(2026, 2, 1, 12));
const base = { name: "Jo Invitee", decidedBy: "Ada Admin", decidedAt: at, acceptedAt: null, joinedAs: null };
const show = (invite: Parameters<typeof InviteProgress>[0]["invite"]) =>
  render(
    <ViewerTimeProvider timeZone="UTC" now={at.getTime() + 3_600_000}>
      <InviteProgress invite={invite} />
    </ViewerTimeProvider>,
  );

describe("an invite's progress", () => {
  it("says who approved it and who joined", () => {
    show({ ...base, status: "accepted", acceptedAt: at, joinedAs: "Jo Joined" });
    expect(screen.getByText(/^Approved by Ada Admin/)).toBeInTheDocument();
    expect(screen.getByText(/^Jo Joined joined/)).toBeInTheDocument();
  });

  it("says who rejected it, and nothing while it waits", () => {
    show({ ...base, status: "rejected" });
    expect(screen.getByText(/^Rejected by Ada Admin/)).toBeInTheDocument();
    const { container } = show({ ...base, status: "pending_approval", decidedBy: null, decidedAt: null });
    expect(container).toBeEmptyDOMElement();
  });
});
