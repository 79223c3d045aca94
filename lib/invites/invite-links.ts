import { env } from "@/lib/env";

// The admin's decision link lives a week; the invitee's set-password link 72 hours.
export const DECISION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const ACCEPT_TTL_MS = 72 * 60 * 60 * 1000;

const base = () => env().APP_URL.replace(/\/$/, "");

export const decisionUrl = (token: string, decision: "approve" | "reject") => `${base()}/invites/${token}/${decision}`;
export const acceptUrl = (token: string) => `${base()}/invites/accept/${token}`;
