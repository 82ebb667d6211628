// The SES row: after lockdown(), the package and the check body (one script, bundled by
// run.mjs: ses 2.x needs @endo/module-source to load ESM source into a compartment, and a
// bundle is what a host ships anyway) are evaluated inside a Compartment whose only
// endowments are the ones the README lists. Run twice:
//   globals   WebAssembly, console, performance, setTimeout, clearTimeout as globals;
//   injected  WebAssembly alone (no console either): the loops get the clock, the timers and
//             a way to block as host capabilities, new EventLoop({ host }).
// SES removes SharedArrayBuffer and Atomics from compartments, so runUntilCompleteSync can
// wait for a real-clock timer only with an injected `host.block`; with globals alone it
// refuses with RuntimeError. Likewise a compartment has no threads: with globals alone the
// executor refuses with NotImplementedError; injected, the host lends it Node's worker_threads
// as `host.worker`. And sockets: with globals alone every network call refuses with
// NotImplementedError naming the compartment; injected, the host lends it client connections
// as `host.connect`, a connect() of cloudflare:sockets' shape made of node:net and node:tls
// (Web streams over Node sockets), to echo servers started here, outside the compartment.
// The namespace is hardened before use as the README's recipe says, copied first so that
// harden() reaches the classes (the bundle's exports are getters): the package keeps working
// with every class, prototype and function frozen.
import "ses";
import { readFileSync } from "node:fs";
import { connect as netConnect, createServer, isIP } from "node:net";
import { Duplex } from "node:stream";
import { connect as tlsConnect, createServer as createTlsServer } from "node:tls";
import { Worker } from "node:worker_threads";

const [bundlePath, mode] = process.argv.slice(2);

// echo servers on 127.0.0.1, plain and TLS (the test CA's leaf certificate)
const tlsFile = (name) => readFileSync(new URL(`../tests/fixtures/tls/${name}`, import.meta.url));
const echo = (sock) => {
  sock.on("data", (d) => sock.write(d));
  sock.on("end", () => sock.end());
  sock.on("error", () => {});
};
const servers = [
  createServer({ allowHalfOpen: true }, echo),
  createTlsServer({ key: tlsFile("leaf-key.pem"), cert: tlsFile("leaf.pem"), allowHalfOpen: true }, echo),
];
const [echoPort, tlsEchoPort] = await Promise.all(
  servers.map((server) => new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)))),
);

/** A connect() of cloudflare:sockets' shape, for the compartment: node:net/node:tls as Web streams. */
function connect({ hostname, port }, { secureTransport, allowHalfOpen }) {
  const secure = secureTransport === "on";
  const sock = secure
    ? tlsConnect({ host: hostname, port, servername: isIP(hostname) ? undefined : hostname, ca: [tlsFile("ca.pem")], allowHalfOpen })
    : netConnect({ host: hostname, port, allowHalfOpen });
  const opened = new Promise((resolve, reject) => {
    sock.once("error", reject);
    sock.once(secure ? "secureConnect" : "connect", () => {
      sock.off("error", reject);
      resolve({ remoteAddress: `${sock.remoteAddress}:${sock.remotePort}`, localAddress: `${sock.localAddress}:${sock.localPort}` });
    });
  });
  const { readable, writable } = Duplex.toWeb(sock);
  return { readable, writable, opened, close: () => void sock.destroy() };
}

lockdown({ errorTaming: "unsafe", consoleTaming: "unsafe" });

const bundle = readFileSync(bundlePath, "utf8");
const cell = new Int32Array(new SharedArrayBuffer(4));
const capabilities = harden({
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h),
  block: (ms) => void Atomics.wait(cell, 0, 0, ms),
  // the executor's workers: the script wasmloop gives, run by the host's worker_threads
  worker: (script, events) => {
    const w = new Worker(script.source, { eval: true, name: script.name });
    w.on("message", (m) => events.message(m));
    w.on("error", (e) => events.error(e));
    w.on("exit", (code) => events.exit(code));
    return { postMessage: (m) => w.postMessage(m), terminate: () => w.terminate(), ref: () => w.ref(), unref: () => w.unref() };
  },
  connect,
});
const globals =
  mode === "globals"
    ? {
        WebAssembly,
        console,
        performance: harden({ now: capabilities.now }),
        setTimeout: capabilities.setTimeout,
        clearTimeout: capabilities.clearTimeout,
      }
    : { WebAssembly };
const compartment = new Compartment({ globals, __options__: true });

const g = compartment.globalThis;
const snapshot = () => new Map(Object.getOwnPropertyNames(g).map((k) => [k, Object.getOwnPropertyDescriptor(g, k).value]));
const before = snapshot();
const { api, runChecks } = compartment.evaluate(bundle);
// no Web Streams among the endowments: the pipe check is handed the host's TransformStream
const runtime = "this SES compartment";
const results = await runChecks(
  harden({ ...api }),
  mode === "globals"
    ? { blocking: false, threads: false, subprocesses: "none", TransformStream, net: { refused: runtime } }
    : { blocking: true, threads: true, host: capabilities, subprocesses: "none", TransformStream, net: { runtime, echoPort, tlsEchoPort } },
);
for (const server of servers) server.close();
const changed = [...snapshot()].filter(([k, v]) => !before.has(k) || !Object.is(before.get(k), v)).map(([k]) => k);
results.unshift({
  name: `endowed only ${Object.keys(globals).join(", ")}; the package and its loops add or replace no global of the compartment`,
  ok: changed.length === 0,
  detail: changed.join(", "),
});
console.log(JSON.stringify(results));
