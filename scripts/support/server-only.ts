// Lets scripts (tsx) import server modules; Next.js keeps the real guard.
export {};
