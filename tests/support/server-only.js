// Jest runs server modules directly; Next.js keeps the real guard in the app.
module.exports = {};
