import {describe, expect, it} from "vitest";
import {describeError} from "../../src/ui/error-text.ts";

describe("describeError", () => {
  it("a request the page could not make says that pages contact only their own site, and how to allow a host", () => {
    expect(describeError(new TypeError("Failed to fetch"))).toBe(
      "TypeError: Failed to fetch (a notebook page contacts only its own site, unless its <notebook> lists the host in remote-hosts; or the address did not answer)"
    );
    expect(describeError(new Error("IO Error: NetworkError: Failed to execute 'send' on 'XMLHttpRequest'"))).toContain("remote-hosts");
  });

  it("other errors get no such hint", () => {
    expect(describeError(new TypeError("x is not a function"))).toBe("TypeError: x is not a function");
  });
});
