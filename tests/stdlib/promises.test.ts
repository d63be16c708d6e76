import {afterEach, beforeEach, describe, expect, it, vi} from "vitest";
import type {DuckDBClient} from "../../src/data/index.ts";
import {createBuiltins} from "../../src/stdlib/index.ts";

type Promises = {
  delay<T>(ms: number, value?: T): Promise<T>;
  tick<T>(ms: number, value?: T): Promise<T>;
  when<T>(time: Date | number, value?: T): Promise<T>;
};

async function Promises(): Promise<Promises> {
  return (await createBuiltins({database: () => Promise.reject(new Error("no database")) as Promise<DuckDBClient>}).Promises()) as Promises;
}

/** Whether `promise` has settled, after pending microtasks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

beforeEach(() => void vi.useFakeTimers({now: Date.UTC(2011, 2, 15, 12, 0, 0, 250)}));
afterEach(() => void vi.useRealTimers());

describe("Promises", () => {
  it("Promises.delay resolves with the value after the duration, not before", async () => {
    const promise = (await Promises()).delay(1000, "later");
    await vi.advanceTimersByTimeAsync(999);
    expect(await settled(promise)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await promise).toBe("later");
  });

  it("Promises.tick resolves at the next whole multiple of the duration", async () => {
    const promise = (await Promises()).tick(1000, "tock");
    await vi.advanceTimersByTimeAsync(749);
    expect(await settled(promise)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect([await promise, Date.now() % 1000]).toEqual(["tock", 0]);
  });

  it("Promises.when resolves at the date, and at once for a date passed", async () => {
    const {when} = await Promises();
    const promise = when(new Date(Date.UTC(2011, 2, 15, 12, 0, 5)), "five seconds");
    await vi.advanceTimersByTimeAsync(4749);
    expect(await settled(promise)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await promise).toBe("five seconds");
    expect(await settled(when(Date.UTC(2011, 0, 1), "past"))).toBe(true);
  });

  it("Promises.when rejects a time too far ahead for a timer, and a non-time, saying why", async () => {
    const {when} = await Promises();
    await expect(when(Date.UTC(2012, 0, 1))).rejects.toThrow("Promises.when: 2012-01-01T00:00:00.000Z is more than 24.8 days ahead, too long to wait for");
    await expect(when(new Date("not a date"))).rejects.toThrow("Promises.when: Invalid Date is not a time");
  });
});
