/**
 * The I/O host of runtimes without sockets (browsers, Cloudflare Workers unless given
 * `connect`, SES compartments without endowments, Node older than 20.16): it offers
 * nothing, and every network call refuses with NotImplementedError naming the runtime and
 * the facility, and saying what would give it one. `describeRuntime` names the runtime for
 * the other hosts' messages too (socket-connect.ts).
 */
import type { IoHost } from "./host.js";

export function unsupportedHost(): IoHost {
  const { runtime, hint } = describeRuntime();
  return { runtime, external: true, hint };
}

/** What this runtime is called in messages, and what would give it sockets. */
export function describeRuntime(): { runtime: string; hint: string } {
  const g = globalThis as any;
  const inject = "inject a connect(address, options) of Cloudflare's cloudflare:sockets shape: new EventLoop({ host: { connect } })";
  if (g.navigator?.userAgent === "Cloudflare-Workers") {
    return {
      runtime: "Cloudflare Workers",
      hint: 'pass connect() from "cloudflare:sockets": new EventLoop({ host: { connect } }), or setConnect(connect) once',
    };
  }
  if (typeof g.process?.versions?.node === "string") {
    return {
      runtime: `Node ${g.process.version}`,
      hint: "node:net is reached through process.getBuiltinModule(), which Node 20.16 and 22.3 added",
    };
  }
  const browser = browserName(g.navigator);
  if (typeof g.document === "object" && g.document !== null) {
    return { runtime: `${browser} (a browser page)`, hint: `browsers give web pages no TCP sockets; use fetch or WebSocket, or ${inject}` };
  }
  if (typeof g.WorkerGlobalScope === "function" || typeof g.importScripts === "function") {
    return { runtime: `${browser} (a browser worker)`, hint: `browsers give workers no TCP sockets; use fetch or WebSocket, or ${inject}` };
  }
  // after lockdown() every compartment has harden and Compartment; the start compartment of a
  // Node or a page was named above by its host's globals, which a compartment is not given
  if (typeof g.harden === "function" && typeof g.Compartment === "function") {
    return { runtime: "this SES compartment", hint: `a compartment has no sockets of its own; its host can ${inject}` };
  }
  return { runtime: "this runtime", hint: `it offers no TCP sockets to this package; pass a network host, new EventLoop({ network }), or ${inject}` };
}

/** "Chromium", "Firefox", "Safari", or "a browser" when the user agent says nothing known. */
function browserName(nav: any): string {
  const brands: { brand: string }[] | undefined = nav?.userAgentData?.brands;
  if (Array.isArray(brands) && brands.some((b) => b.brand === "Chromium")) return "Chromium";
  const ua: string = typeof nav?.userAgent === "string" ? nav.userAgent : "";
  if (/\bFirefox\//.test(ua)) return "Firefox";
  if (/\b(Chrome|Chromium|HeadlessChrome)\//.test(ua)) return "Chromium";
  if (/\bSafari\//.test(ua)) return "Safari";
  return "a browser";
}
