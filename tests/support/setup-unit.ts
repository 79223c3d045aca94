import "@testing-library/jest-dom";

// jsdom has no ResizeObserver, which Tremor (Recharts) and Radix need.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
