// The Deno host, run in Deno itself (the deno binary is a dev dependency): without
// --allow-net a connection is refused with PermissionError naming the flag; with it, the
// Node host's sockets work.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const deno = fileURLToPath(new URL("../../../node_modules/.bin/deno", import.meta.url));
const dist = fileURLToPath(new URL("../../../dist/index.js", import.meta.url));

function runInDeno(flags: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "wasmloop-deno-"));
  const script = join(dir, "echo.mjs");
  writeFileSync(
    script,
    `import { EventLoop, startServer, openConnection } from ${JSON.stringify(dist)};
const loop = new EventLoop();
try {
  await loop.runUntilComplete((function* () {
    const server = yield* startServer(function* (r, w) { w.write(yield* r.readline()); w.close(); }, "127.0.0.1", 0);
    const [r, w] = yield* openConnection("127.0.0.1", server.sockets[0].port);
    w.write("deno\\n");
    console.log("echo:", new TextDecoder().decode(yield* r.readline()).trim());
    w.close();
    server.close();
  })());
} catch (e) {
  console.log(e.name + ": " + e.message);
}
loop.close();
`,
  );
  return execFileSync(deno, ["run", "--no-prompt", ...flags, script], { encoding: "utf8", timeout: 30_000, env: { ...process.env, NO_COLOR: "1" } });
}

describe("the Deno host", () => {
  it("refuses without --allow-net: PermissionError naming the flag", () => {
    expect(runInDeno(["--allow-read"])).toBe('PermissionError: Deno requires net access to "127.0.0.1": run again with --allow-net\n');
  });

  it("echoes with --allow-net", () => {
    expect(runInDeno(["--allow-read", "--allow-net"])).toBe("echo: deno\n");
  });
});
