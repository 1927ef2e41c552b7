import { describe, expect, it } from "vitest";
import { isoInZone, localDay } from "../../src/clock.ts";

describe("time zones", () => {
  it("gives the local day at the edges of a Shanghai day", () => {
    expect(localDay(new Date("2026-03-01T15:59:00Z"), "Asia/Shanghai")).toBe("2026-03-01");
    expect(localDay(new Date("2026-03-01T16:01:00Z"), "Asia/Shanghai")).toBe("2026-03-02");
  });

  it("writes an instant in the zone's own offset, daylight saving included", () => {
    expect(isoInZone(new Date("2026-03-02T02:15:00Z"), "Asia/Shanghai")).toBe("2026-03-02T10:15:00+08:00");
    expect(isoInZone(new Date("2026-01-12T15:00:00Z"), "America/New_York")).toBe("2026-01-12T10:00:00-05:00");
    expect(isoInZone(new Date("2026-07-12T14:00:00Z"), "America/New_York")).toBe("2026-07-12T10:00:00-04:00");
    expect(isoInZone(new Date("2026-07-12T14:00:00Z"), "Asia/Kolkata")).toBe("2026-07-12T19:30:00+05:30");
  });
});
