import type { Limit } from "@/lib/auth/rate-limit";

// Codes sent: 5 per user in 15 minutes and 30 per IP address an hour, so the
// sign-in and settings forms can't be used to flood a phone (or run up an SMS bill).
export const OTP_SENDS_PER_USER = 5;
export const OTP_SENDS_PER_IP = 30;

export function otpSendLimits(userId: number, ip: string): Limit[] {
  return [
    { bucket: `otp:send:user:${userId}`, max: OTP_SENDS_PER_USER, windowSeconds: 15 * 60 },
    { bucket: `otp:send:ip:${ip}`, max: OTP_SENDS_PER_IP, windowSeconds: 60 * 60 },
  ];
}
