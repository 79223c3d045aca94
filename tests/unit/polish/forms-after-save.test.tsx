import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ProfileForm } from "@/components/profile/profile-form";
import { StaffEditDialog } from "@/components/staff/staff-edit-dialog";
import { ViewerTimeProvider } from "@/components/time/viewer-time";

const toast = jest.fn();
jest.mock("@/components/ui/toast", () => ({ toast: (...args: unknown[]) => toast(...args) }));
jest.mock("next/navigation", () => ({ useRouter: () => ({ push: jest.fn(), refresh: jest.fn() }) }));
jest.mock("@/lib/actions/staff/update-staff", () => ({ updateStaff: async () => ({ ok: true, fieldErrors: {}, formError: null }) }));
jest.mock("@/lib/actions/profile/update-profile", () => ({ updateProfile: async () => ({ ok: true, fieldErrors: {}, formError: null, data: { emailChangeSentTo: null } }) }));

beforeEach(() => toast.mockReset());

describe("forms after a save", () => {
  it("the staff rename toast names the person by their new name", async () => {
    const user = userEvent.setup();
    render(<StaffEditDialog member={{ id: 7, name: "Sam Old", email: "sam@example.com", phone: null, role: "staff" }} isSelf={false} />);
    await user.click(screen.getByRole("button", { name: "Edit Sam Old" }));
    const name = await screen.findByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, "Sam New");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(toast).toHaveBeenCalled());
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: "Sam New saved" }));
  });

  it("the profile form keeps the saved name while the page refreshes, instead of flashing the old one", async () => {
    const user = userEvent.setup();
    // The page's data (the old name) only changes when the refresh arrives; the mocked refresh never does.
    render(
      <ViewerTimeProvider timeZone="UTC" now={Date.UTC(2026, 2, 1)}>
        <ProfileForm user={{ name: "Ada Old", email: "ada@example.com" }} pendingEmail={null} />
      </ViewerTimeProvider>,
    );
    const name = screen.getByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, "Ada New");
    await user.click(screen.getByRole("button", { name: "Save profile" }));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: "Profile saved" })));
    expect(screen.getByLabelText(/^Name/)).toHaveValue("Ada New");
  });
});
