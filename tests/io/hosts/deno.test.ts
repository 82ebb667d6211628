// The Deno host (src/io/hosts/deno.ts), run in Deno itself (the deno binary is a dev
// dependency): each test runs one scenario of fixtures/deno-host.mjs with the permission
// flags it needs and compares what it prints. Deno's own sockets (Deno.connect, Deno.listen,
// their TLS variants), its permissions, and the virtual clock's rules on them; and the
// CPython-recorded I/O scenarios of tests/conformance-extra run under Deno.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const deno = fileURLToPath(new URL("../../../node_modules/.bin/deno", import.meta.url));
const script = fileURLToPath(new URL("../fixtures/deno-host.mjs", import.meta.url));
const certs = fileURLToPath(new URL("../../fixtures/tls", import.meta.url));
const NET = ["--allow-net=127.0.0.1", `--allow-read=${certs}`];

function runInDeno(scenario: string, flags: string[], ...args: string[]): unknown {
  const out = execFileSync(deno, ["run", "--no-prompt", ...flags, script, scenario, ...args], {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

describe("the Deno host: permissions", () => {
  it("a server without --allow-net: PermissionError naming --allow-net=127.0.0.1", () => {
    expect(runInDeno("refused-listen", [])).toMatch(
      /^PermissionError: Deno [\d.]+ requires net access to "127\.0\.0\.1:0" to listen on it: run again with --allow-net=127\.0\.0\.1$/,
    );
  });

  it("a connection without --allow-net: PermissionError naming --allow-net=HOST:PORT", () => {
    expect(runInDeno("refused-connect", [])).toMatch(/run again with --allow-net=127\.0\.0\.1:9$/);
  });

  it("a server on every interface (host null): PermissionError naming --allow-net=[::]", () => {
    expect(runInDeno("any-address", NET)).toMatch(/^uncaught PermissionError: .* run again with --allow-net=\[::\]$/);
  });

  it("a Unix socket: PermissionError naming each missing flag, and only those", () => {
    const path = "/tmp/wasmloop-deno-nowhere.sock";
    expect(runInDeno("refused-unix", [])).toMatch(
      new RegExp(`run again with --allow-net=unix:${path} --allow-read=${path} --allow-write=${path}$`),
    );
    expect(runInDeno("refused-unix", [`--allow-net=unix:${path}`])).toMatch(new RegExp(`run again with --allow-read=${path} --allow-write=${path}$`));
  });
});

describe("the Deno host: sockets", () => {
  it("echoes over TCP; peername/sockname are [host, port], the socket is the Deno.Conn", () => {
    expect(runInDeno("echo", NET)).toEqual(["deno\n", "127.0.0.1", true, "127.0.0.1", "number", "function"]);
  });

  it("a server on host null listens on '::', dual-stack (as Node's): an IPv4 client reaches it", () => {
    expect(runInDeno("any-address", ["--allow-net=[::],127.0.0.1"])).toEqual([[["IPv6", "::"]], "any\n"]);
  });

  it("loads no node: module: the global object is left as it was", () => {
    expect(runInDeno("globals", NET)).toEqual([]);
  });

  it("echoes over a Unix socket; peername is the server's path, sockname the unnamed end", () => {
    const dir = mkdtempSync(join(tmpdir(), "wasmloop-deno-"));
    const path = join(dir, "s.sock");
    const flags = [`--allow-net=unix:${path}`, `--allow-read=${dir}`, `--allow-write=${dir}`];
    expect(runInDeno("unix", flags, dir)).toEqual(["unix\n", true, ""]);
  });

  it("writeEof half-closes: the peer reads to EOF and still answers", () => {
    expect(runInDeno("half-close", NET)).toEqual([true, "got abc then EOF", true, false]);
  });

  it("back-pressure: a paused reader stops reading, the writer's buffer (its own queue) crosses the marks, all arrives", () => {
    const [log, partial, received] = runInDeno("backpressure", NET) as [string[], boolean, number];
    expect(log).toEqual(["pauseWriting", "buffered true", "resumeWriting"]);
    expect(partial).toBe(true);
    expect(received).toBe(16 * 1024 * 1024);
  });

  it("a connection right after server.close() is refused (Deno releases the listener a tick later)", () => {
    expect(runInDeno("closed-server-refuses", NET)).toBe("ConnectionRefusedError");
  });
});

describe("the Deno host: TLS", () => {
  it("echoes by address and by name (startTls), skips the name check for serverHostname '', refuses untrusted and misnamed certificates", () => {
    expect(runInDeno("tls", NET)).toEqual([
      [false, true, null, null],
      "by address\n",
      "by name\n",
      "no name check\n",
      "SSLCertVerificationError",
      "SSLCertVerificationError",
    ]);
  });

  it("refuses what Deno cannot honour with NotImplementedError naming the option: minVersion, rejectUnauthorized: false, checkServerIdentity, requestCert, localAddr", () => {
    const refused = runInDeno("tls-options", NET) as string[];
    expect(refused.map((m) => m.split(":")[0])).toEqual(Array(5).fill("NotImplementedError"));
    for (const [i, option] of ["minVersion", "rejectUnauthorized: false", "checkServerIdentity", "requestCert", "localAddr"].entries()) {
      expect(refused[i]).toContain(option);
      expect(refused[i]).toMatch(/Deno [\d.]+/);
    }
  });
});

describe("the Deno host on a virtual clock", () => {
  it("each echo of a conversation beats a 5 s timeout at time 0", () => {
    expect(runInDeno("virtual-echo", NET)).toEqual(["one\n", 0, "two\n", 0, "three\n", 0]);
  });

  it("a reply after the server's sleep(1) arrives at 1; a silent peer times out in virtual time, at 4", () => {
    expect(runInDeno("virtual-timeline", NET)).toEqual(["later\n", 1, "TimeoutError: ", 4]);
  });

  it("8 MiB each way through the buffers, at time 0 (a 5 s timeout never fires)", () => {
    expect(runInDeno("virtual-bulk", NET)).toEqual([8388608, 7, 0]);
  });
});

describe("the Deno host: CPython-recorded I/O scenarios", () => {
  const dir = fileURLToPath(new URL("../../conformance-extra", import.meta.url));
  const importMap = fileURLToPath(new URL("../../../runtimes/deno-import-map.json", import.meta.url));
  /** the scenarios whose trace depends on Node's sockets, and why */
  const NODE_ONLY: Record<string, string> = {
    netfault_drain_blocked: "resets the connection with Node's resetAndDestroy()",
    netfault_reset_protocol: "resets the connection with Node's resetAndDestroy()",
    netfault_reset_reader: "resets the connection with Node's resetAndDestroy()",
    netfault_peer_gone_write: "Deno's writes fail a moment later: drain() raises the reader's error, not 'Connection lost'",
    netfault_write_after_close: "Deno's writes are asynchronous: bytes written after close() go out with the earlier ones",
  };
  const scenarios = readdirSync(dir)
    .filter((f) => /^(stream|proto|server|netfault)_.*\.mjs$/.test(f))
    .map((f) => f.slice(0, -4))
    .filter((name) => !(name in NODE_ONLY))
    .sort();

  it("there are scenarios to run", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(28);
  });

  for (const name of scenarios) {
    it(`${name} prints asyncio's output`, () => {
      const out = execFileSync(
        deno,
        ["run", "--no-prompt", "--allow-net=127.0.0.1,localhost,[::]", "--import-map", importMap, `${name}.mjs`],
        { cwd: dir, encoding: "utf8", timeout: 30_000, env: { ...process.env, NO_COLOR: "1" } },
      );
      expect(out).toBe(readFileSync(`${dir}/${name}.expected`, "utf8"));
    });
  }
});
