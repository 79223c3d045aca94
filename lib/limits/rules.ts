// Every rate limit in the app, in one place: a name (the counter's key
// prefix), how many points a window allows and how long the window is.
export type LimitRule = { name: string; points: number; seconds: number };

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const limits = {
  // Wrong passwords (sign-in, and every other password check), in 15 minutes
  // (lib/auth/password-attempts): 5 per account from one IP address, 20 per IP
  // address, and 50 per account from all addresses together (guesses spread
  // over many addresses). The per-account block is not the first one an
  // attacker meets: typing someone's email five times from one address locks
  // only that address out of that account, not the owner.
  loginAccountIp: { name: "login:acct-ip", points: 5, seconds: 15 * MINUTE },
  loginAccount: { name: "login:acct", points: 50, seconds: 15 * MINUTE },
  loginIp: { name: "login:ip", points: 20, seconds: 15 * MINUTE },
  // Codes texted: 5 per user in 15 minutes and 30 per IP address an hour, so
  // the sign-in and settings forms can't flood a phone or run up an SMS bill.
  otpSendUser: { name: "otp:user", points: 5, seconds: 15 * MINUTE },
  otpSendIp: { name: "otp:ip", points: 30, seconds: HOUR },
  // Second-factor attempts at sign-in, whatever the factor (texted code, app
  // code, recovery code, passkey): 10 per account and 50 per IP address in 15
  // minutes. A texted code also has its own five tries (lib/otp).
  secondFactorUser: { name: "2fa:user", points: 10, seconds: 15 * MINUTE },
  secondFactorIp: { name: "2fa:ip", points: 50, seconds: 15 * MINUTE },
  // Passkey requests (challenges stored) before any account is known: 60 per IP in 15 minutes.
  passkeyOptionsIp: { name: "passkey:ip", points: 60, seconds: 15 * MINUTE },
  // Sign-up emails: 3 per address and 10 per IP address an hour.
  signupEmail: { name: "signup:email", points: 3, seconds: HOUR },
  signupIp: { name: "signup:ip", points: 10, seconds: HOUR },
  // Password-reset emails: 3 per address and 20 per IP address an hour.
  resetEmail: { name: "reset:email", points: 3, seconds: HOUR },
  resetIp: { name: "reset:ip", points: 20, seconds: HOUR },
  // Abuse of the portal and the back office. Portal emails count each
  // recipient (the client plus CCs): 30 a day per client, so "email me this
  // invoice" can't be used as a relay.
  portalEmailRecipients: { name: "portal:email", points: 30, seconds: DAY },
  // Bank transfer or cash payments a client declares: 10 a day per client.
  portalDeclaredPayments: { name: "portal:declare", points: 10, seconds: DAY },
  // Card attempts: 10 an hour per client, so the pay form can't test stolen cards.
  portalCardAttempts: { name: "portal:card", points: 10, seconds: HOUR },
  // Orders and subscriptions: 20 an hour per client. Each one issues a numbered
  // invoice and emails it, so a scripted form can't flood the books or the outbox.
  portalOrders: { name: "portal:order", points: 20, seconds: HOUR },
  // Invoice emails a staff member sends: 500 recipients a day per user.
  staffEmailRecipients: { name: "staff:email", points: 500, seconds: DAY },
  // PDF bundles (ZIP): 30 a day per user; each prints up to 100 invoices.
  pdfBundles: { name: "pdf:zip", points: 30, seconds: DAY },
  // Reminder runs a person starts (a selection, the invoice list's bulk
  // remind, or "remind all unpaid"): 20 an hour per user. A run is a
  // transaction per invoice, up to 1,000 for "remind all", so a script can't
  // keep the database busy; a day's repeats are skipped anyway.
  reminderRuns: { name: "remind:user", points: 20, seconds: HOUR },
} as const satisfies Record<string, LimitRule>;
