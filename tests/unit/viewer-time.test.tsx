import { act } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { LocalTime, RelativeTime, ViewerTimeProvider } from "@/components/time/viewer-time";

// hydrateRoot outside @testing-library: tell React that act() is in use.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// A browser in Tokyo, viewing a page the server rendered in UTC (no `tz` cookie yet).
jest.spyOn(Intl.DateTimeFormat.prototype, "resolvedOptions").mockImplementation(function (this: Intl.DateTimeFormat) {
  return { locale: "en-US", calendar: "gregory", numberingSystem: "latn", timeZone: "Asia/Tokyo" } as Intl.ResolvedDateTimeFormatOptions;
});

const sentAt = new Date("2026-03-05T03:00:00Z");
const serverNow = sentAt.getTime() + 2 * 3_600_000;

const page = (
  <ViewerTimeProvider timeZone="UTC" now={serverNow}>
    <p data-testid="list">
      Sent <RelativeTime value={sentAt} />
    </p>
    <p data-testid="detail">
      <LocalTime value={sentAt} />
    </p>
    <p data-testid="day">
      <LocalTime value={sentAt} show="date" />
    </p>
  </ViewerTimeProvider>
);

afterEach(() => {
  jest.useRealTimers();
  document.cookie = "tz=; max-age=0; path=/";
});

describe("times in the viewer's zone", () => {
  it("renders on the server in the zone it was told, with the server's clock", () => {
    const html = renderToString(page);
    expect(html).toContain("2 hours ago");
    expect(html).toContain("Mar 5, 2026, 03:00 AM UTC");
    expect(html).toContain('dateTime="2026-03-05T03:00:00.000Z"');
  });

  it("hydrates without a mismatch, then shows the browser's zone and clock and remembers the zone in a cookie", async () => {
    const container = document.createElement("div");
    container.innerHTML = renderToString(page);
    document.body.append(container);
    jest.useFakeTimers({ now: sentAt.getTime() + 3 * 3_600_000, doNotFake: ["queueMicrotask", "nextTick"] });
    const recoverable: unknown[] = [];
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
    await act(async () => {
      hydrateRoot(container, page, { onRecoverableError: (error) => recoverable.push(error) });
    });
    expect(recoverable).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();

    const list = container.querySelector("[data-testid=list] time")!;
    expect(list.textContent).toBe("3 hours ago");
    expect(list.getAttribute("title")).toBe("Mar 5, 2026, 12:00 PM GMT+9");
    expect(container.querySelector("[data-testid=detail]")!.textContent).toBe("Mar 5, 2026, 12:00 PM GMT+9");
    const day = container.querySelector("[data-testid=day] time")!;
    expect(day.textContent).toBe("Mar 5, 2026");
    expect(day.getAttribute("title")).toBe("Mar 5, 2026, 12:00 PM GMT+9");
    expect(document.cookie).toContain("tz=Asia%2FTokyo");

    // Relative times keep up with the clock.
    await act(async () => {
      jest.advanceTimersByTime(60 * 60_000);
    });
    expect(list.textContent).toBe("4 hours ago");
    container.remove();
  });

  it("leaves the cookie alone when the server already rendered in the browser's zone", async () => {
    const container = document.createElement("div");
    const tokyo = (
      <ViewerTimeProvider timeZone="Asia/Tokyo" now={serverNow}>
        <LocalTime value={sentAt} />
      </ViewerTimeProvider>
    );
    container.innerHTML = renderToString(tokyo);
    expect(container.textContent).toBe("Mar 5, 2026, 12:00 PM GMT+9");
    await act(async () => {
      hydrateRoot(container, tokyo);
    });
    expect(document.cookie).not.toContain("tz=");
  });
});
