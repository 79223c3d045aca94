import "@testing-library/jest-dom";
import { scaledMs } from "./load";

// jsdom has no ResizeObserver, which Tremor (Recharts) and Radix need.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

// A busy machine (other builds, a CI neighbour) makes renders slow, not wrong:
// the deadline stretches with the load per CPU (jest ignores testTimeout inside a project).
jest.setTimeout(scaledMs(10_000));
