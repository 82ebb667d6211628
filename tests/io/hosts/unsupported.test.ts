// The host of runtimes without sockets: how it names the runtime and what would give it
// sockets, for each kind of global object (stubbed here, on Node; the runtime matrix checks
// the real Chromium page and worker, workerd and SES compartments).
import { afterEach, describe, expect, it } from "vitest";
import { describeRuntime, unsupportedHost } from "../../../src/io/hosts/unsupported.js";

const g = globalThis as any;
const saved = new Map<string, PropertyDescriptor | undefined>();

/** Replaces globals for one test (undefined removes one); afterEach puts them back. */
function stub(values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) {
    if (!saved.has(key)) saved.set(key, Object.getOwnPropertyDescriptor(g, key));
    if (value === undefined) delete g[key];
    else Object.defineProperty(g, key, { value, configurable: true, writable: true });
  }
}

afterEach(() => {
  for (const [key, desc] of saved) {
    if (desc === undefined) delete g[key];
    else Object.defineProperty(g, key, desc);
  }
  saved.clear();
});

/** describeRuntime() with `values` in place of the globals, and Node's `process` hidden. */
function describeAs(values: Record<string, unknown>) {
  stub({ process: undefined, ...values });
  return describeRuntime();
}

describe("describeRuntime", () => {
  it("names Cloudflare Workers and points at connect() from cloudflare:sockets", () => {
    const d = describeAs({ navigator: { userAgent: "Cloudflare-Workers" } });
    expect(d.runtime).toBe("Cloudflare Workers");
    expect(d.hint).toMatch(/connect\(\) from "cloudflare:sockets": new EventLoop\(\{ host: \{ connect \} \}\), or setConnect\(connect\)/);
  });

  it("names Chromium's page by its user-agent brands", () => {
    const d = describeAs({ document: {}, navigator: { userAgent: "Mozilla/5.0", userAgentData: { brands: [{ brand: "Chromium" }] } } });
    expect(d.runtime).toBe("Chromium (a browser page)");
    expect(d.hint).toMatch(/^browsers give web pages no TCP sockets; use fetch or WebSocket/);
  });

  it("names a Firefox worker, and an unknown browser as 'a browser'", () => {
    expect(describeAs({ WorkerGlobalScope: function () {}, navigator: { userAgent: "Mozilla/5.0 Firefox/140.0" } }).runtime).toBe(
      "Firefox (a browser worker)",
    );
    expect(describeAs({ document: {}, navigator: { userAgent: "Mystery/1.0" } }).runtime).toBe("a browser (a browser page)");
  });

  it("names an SES compartment (harden and Compartment, no host globals) and says its host can inject connect", () => {
    const d = describeAs({ harden: (x: unknown) => x, Compartment: function () {} });
    expect(d.runtime).toBe("this SES compartment");
    expect(d.hint).toMatch(/its host can inject a connect\(address, options\)/);
  });

  it("names Node without process.getBuiltinModule, saying which versions have it", () => {
    const d = describeRuntime();
    expect(d.runtime).toBe(`Node ${process.version}`);
    expect(d.hint).toMatch(/Node 20\.16 and 22\.3/);
  });

  it("offers nothing: no connect, no listen", () => {
    const host = unsupportedHost();
    expect([host.connect, host.listen, host.external]).toEqual([undefined, undefined, true]);
  });
});
