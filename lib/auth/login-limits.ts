import type { Limit } from "./rate-limit";

// Failed sign-ins: 5 per account and 20 per IP address in 15 minutes.
export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const LOGIN_MAX_PER_ACCOUNT = 5;
export const LOGIN_MAX_PER_IP = 20;

export function loginLimits(email: string, ip: string): Limit[] {
  return [
    { bucket: `login:acct:${email.toLowerCase()}`, max: LOGIN_MAX_PER_ACCOUNT, windowSeconds: LOGIN_WINDOW_SECONDS },
    { bucket: `login:ip:${ip}`, max: LOGIN_MAX_PER_IP, windowSeconds: LOGIN_WINDOW_SECONDS },
  ];
}
