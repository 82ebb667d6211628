// Host error codes become asyncio's classes with Python's messages.
import { describe, expect, it } from "vitest";
import { osError, pyAddress } from "../../src/io/os-errors.js";
import {
  BrokenPipeError, ConnectionRefusedError, ConnectionResetError, ConnectionError, FileNotFoundError, OSError, PermissionError, TimeoutError,
} from "../../src/index.js";

describe("osError", () => {
  it("maps the connection codes to their classes, all ConnectionErrors and OSErrors", () => {
    for (const [code, Cls] of [["ECONNREFUSED", ConnectionRefusedError], ["ECONNRESET", ConnectionResetError], ["EPIPE", BrokenPipeError]] as const) {
      const e = osError(code, null);
      expect(e).toBeInstanceOf(Cls);
      expect(e).toBeInstanceOf(ConnectionError);
      expect(e).toBeInstanceOf(OSError);
      expect(e.code).toBe(code);
    }
    expect(osError("ENOENT", -2)).toBeInstanceOf(FileNotFoundError);
    expect(osError("EACCES", -13)).toBeInstanceOf(PermissionError);
    expect(osError("ETIMEDOUT", -110)).toBeInstanceOf(TimeoutError);
    expect(osError("EWHATEVER", null).constructor).toBe(OSError);
  });

  it("words messages as Python's str(exc)", () => {
    expect(osError("ECONNRESET", -104).message).toBe("[Errno 104] Connection reset by peer");
    expect(osError("ECONNREFUSED", -111, { context: "connect", address: pyAddress({ host: "127.0.0.1", port: 1 }) }).message).toBe(
      "[Errno 111] Connect call failed ('127.0.0.1', 1)",
    );
    expect(osError("EADDRINUSE", -98, { context: "bind", address: pyAddress({ host: null, port: 80 }) }).message).toBe(
      "[Errno 98] error while attempting to bind on address ('0.0.0.0', 80): address already in use",
    );
    expect(osError("EPIPE", null).errno).toBe(32);
  });
});
