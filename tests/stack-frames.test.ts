// Host stack traces read as frames (src/stack-frames.ts).
import { describe, expect, it } from "vitest";
import { formatFrame, isPackageFrame, packageFramesKnown, parseStack, pyStr, stackText } from "../src/stack-frames.js";

describe("parseStack", () => {
  it("reads V8's frames, innermost first", () => {
    const frames = parseStack(
      ["Error", "    at helper (file:///app/a.js:3:9)", "    at new Thing (file:///app/b.js:10:1)", "    at file:///app/c.js:1:2"].join("\n"),
    );
    expect(frames).toEqual([
      { name: "helper", file: "file:///app/a.js", line: 3, column: 9, coroutine: false },
      { name: "Thing", file: "file:///app/b.js", line: 10, column: 1, coroutine: false },
      { name: "<anonymous>", file: "file:///app/c.js", line: 1, column: 2, coroutine: false },
    ]);
  });

  it("marks the frame a generator resume frame follows as a coroutine, and drops the resume frame", () => {
    const frames = parseStack(
      [
        "Error",
        "    at inner (file:///app/a.js:1:42)",
        "    at inner.next (<anonymous>)",
        "    at file:///app/a.js:6:54",
        "    at Generator.next (<anonymous>)",
        "    at outer (file:///app/a.js:2:39)",
        "    at outer.throw (<anonymous>)",
        "    at step (file:///app/a.js:4:29)",
      ].join("\n"),
    );
    expect(frames.map((f) => [f.name, f.coroutine])).toEqual([
      ["inner", true],
      ["<anonymous>", true],
      ["outer", true],
      ["step", false],
    ]);
  });

  it("reads SpiderMonkey's and JavaScriptCore's name@file:line:col frames", () => {
    expect(parseStack("main@http://x/app.js:5:7\n@http://x/app.js:9:1\n")).toEqual([
      { name: "main", file: "http://x/app.js", line: 5, column: 7, coroutine: false },
      { name: "<anonymous>", file: "http://x/app.js", line: 9, column: 1, coroutine: false },
    ]);
  });

  it("drops frames with no place in a script", () => {
    expect(parseStack("Error\n    at Array.map (<anonymous>)\n    at native")).toEqual([]);
  });

  it("reads the live stack from the caller of the function given", () => {
    function api() {
      return parseStack(stackText(api));
    }
    function caller() {
      return api();
    }
    const frames = caller();
    expect(frames[0].name).toBe("caller");
    expect(frames[0].file).toMatch(/stack-frames\.test\.ts$/);
  });
});

describe("wasmloop's own frames", () => {
  it("are told apart by directory when the modules are laid out as in src/", () => {
    expect(packageFramesKnown).toBe(true);
    const src = new URL("../src/tasks.ts", import.meta.url).pathname;
    expect(isPackageFrame({ name: "x", file: src, line: 1, column: 1, coroutine: false })).toBe(true);
    expect(isPackageFrame({ name: "x", file: new URL(import.meta.url).pathname, line: 1, column: 1, coroutine: false })).toBe(false);
  });
});

describe("formatting", () => {
  it("writes a frame as Python's traceback does", () => {
    expect(formatFrame({ name: "main", file: "/app/x.js", line: 3, column: 1, coroutine: true })).toBe("File '/app/x.js', line 3, in main");
  });

  it("quotes strings as Python's repr", () => {
    expect(pyStr("plain")).toBe("'plain'");
    expect(pyStr("it's")).toBe('"it\'s"');
    expect(pyStr(`both ' and "`)).toBe(`'both \\' and "'`);
    expect(pyStr("a\\b\nc")).toBe("'a\\\\b\\nc'");
  });
});
