/**
 * The I/O host of runtimes without sockets (browsers, Cloudflare Workers unless given
 * `host.connect`, SES compartments without endowments, Node older than 20.16): it offers
 * nothing, and every network call refuses with NotImplementedError naming the runtime.
 */
import type { IoHost } from "./host.js";

export function unsupportedHost(): IoHost {
  const [runtime, hint] = describeRuntime();
  return { runtime, external: true, hint };
}

function describeRuntime(): [string, string] {
  const g = globalThis as any;
  if (g.navigator?.userAgent === "Cloudflare-Workers") {
    return ["Cloudflare Workers", "pass connect() from cloudflare:sockets: new EventLoop({ host: { connect } })"];
  }
  if (typeof g.process?.versions?.node === "string") {
    return [`Node ${g.process.version}`, "node:net is reached through process.getBuiltinModule(), which Node 20.16 and 22.3 added"];
  }
  if (typeof g.document === "object" && g.document !== null) return ["a browser page", "browsers give pages no TCP sockets"];
  if (typeof g.WorkerGlobalScope === "function" || typeof g.importScripts === "function") {
    return ["a browser worker", "browsers give workers no TCP sockets"];
  }
  return ["this runtime", "it offers no TCP sockets to this package; pass a network host: new EventLoop({ network })"];
}
