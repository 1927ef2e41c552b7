import { describe, expect, it } from "vitest";
import { GroupCommit } from "../../src/db/group-commit.ts";

describe("group commit", () => {
  it("writes a lone item at once and gathers what arrives meanwhile into the next batch", async () => {
    const batches: number[][] = [];
    const commit = new GroupCommit<number, number>(async (items) => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 5));
      return items.map((i) => i * 10);
    }, 10);
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => commit.submit(i)));
    expect(results).toEqual(Array.from({ length: 25 }, (_, i) => i * 10));
    expect(batches[0]).toEqual([0]);
    expect(batches.slice(1).map((b) => b.length)).toEqual([10, 10, 4]);
    expect(batches.flat()).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it("gives each item of a failed batch its own outcome", async () => {
    const written: number[] = [];
    const commit = new GroupCommit<number>(async (items) => {
      await new Promise((r) => setTimeout(r, 1));
      if (items.includes(13)) throw new Error("13 is bad");
      written.push(...items);
      return items.map(() => undefined);
    });
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => commit.submit(i)));
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([{ status: "rejected", reason: new Error("13 is bad") }]);
    expect(written.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i).filter((i) => i !== 13));
  });
});
