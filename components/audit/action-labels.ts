// Friendly names for audit actions; unknown ones show as written ("invoice.issue").
const labels: Record<string, string> = {
  "client.create": "Client created",
  "client.update": "Client edited",
  "client.archive": "Client archived",
  "client.restore": "Client restored",
  "client.delete": "Client deleted",
  "client.import": "Client imported",
  "invoice.remind": "Payment reminder sent",
  "invoice.reminders_pause": "Invoice reminders paused",
  "invoice.reminders_resume": "Invoice reminders resumed",
  "client.reminders_pause": "Client reminders paused",
  "client.reminders_resume": "Client reminders resumed",
  "reminders.schedule_update": "Reminder schedule changed",
  "service.create": "Service created",
  "service.update": "Service edited",
  "service.archive": "Service archived",
  "service.restore": "Service restored",
  "service.delete": "Service deleted",
  "user.update": "Staff member edited",
  "user.role_change": "Role changed",
  "user.disable": "Account disabled",
  "user.enable": "Account enabled",
  "user.create": "Account created",
  "user.profile_update": "Profile edited",
  "user.password_change": "Password changed",
  "user.password_reset_request": "Password reset requested",
  "user.password_reset": "Password reset",
  "staff_invite.request": "Invite requested",
  "staff_invite.approve": "Invite approved",
  "staff_invite.reject": "Invite rejected",
  "staff_invite.accept": "Invite accepted",
  "settings.update": "Settings changed",
};

export function actionLabel(action: string): string {
  return labels[action] ?? action;
}

export const auditEntityTypes = ["client", "service", "invoice", "payment", "user", "staff_invite", "settings", "subscription"] as const;

// The action filter's choices: each family first ("client." matches every client action), then single actions.
export const auditActions = ["client.", "service.", "invoice.", "payment.", "user.", "staff_invite.", ...Object.keys(labels)];
