/**
 * The I/O host of Deno: Deno's node:net/node:tls (the Node host, reached the same way), behind
 * Deno's permissions. Without `--allow-net` for the address, Deno's node:net throws outside
 * any call (an uncaught NotCapable); this host asks first (`Deno.permissions.querySync`) and
 * refuses with PermissionError naming the permission to grant. A permission in the "prompt"
 * state counts as not granted: the loop never stops to ask.
 *
 * Deno: the executor's workers are module Web Workers from a Blob URL, as in browsers
 * (browser.ts); started that way they need no permission flag (what the called code does
 * inside needs the usual ones: a module URL on disk needs --allow-read).
 *
 * Not Deno's node:worker_threads, though it could unref() idle workers: loading any node:
 * module makes Deno bootstrap its Node layer, which replaces the global MessageChannel and
 * MessagePort and adds `nodeBootstrap`, and the package changes no global. The price: a Deno
 * Web Worker has no unref(), so idle workers keep `deno run` alive until their executor is
 * shut down (loop.close(), shutdownDefaultExecutor(), pool.shutdown(); run() does it).
 * Deno.exit() and close() in a worker end it silently; the worker script reports both first.
 */
import { PermissionError } from "../../exceptions.js";
import type { ConnectRequest, IoHost, ListenRequest } from "./host.js";
import { nodeHost } from "./node.js";
import { Settle } from "./settle.js";
import type { WorkerEvents, WorkerPort, WorkerScript } from "../threads.js";
import { spawnWebWorker } from "./browser.js";

interface DenoPermissions {
  querySync(desc: { name: string; host?: string; path?: string }): { state: string };
}

/** Deno's host, or null outside Deno (or in a Deno without process.getBuiltinModule). */
export function denoHost(): IoHost | null {
  const deno = (globalThis as { Deno?: { permissions?: DenoPermissions; version?: { deno?: string } } }).Deno;
  if (deno === undefined || typeof deno.permissions?.querySync !== "function") return null;
  const base = nodeHost();
  if (base === null || base.connect === undefined || base.listen === undefined) return null;
  const permissions = deno.permissions;
  const denied = (address: ConnectRequest["address"] | ListenRequest["address"]): PermissionError | null => {
    if ("path" in address) {
      const granted = ["read", "write"].every((name) => permissions.querySync({ name, path: address.path }).state === "granted");
      return granted ? null : new PermissionError(`Deno requires read and write access to "${address.path}": run again with --allow-read --allow-write`);
    }
    const host = `${address.host ?? "0.0.0.0"}${address.port ? `:${address.port}` : ""}`;
    if (permissions.querySync({ name: "net", host }).state === "granted") return null;
    return new PermissionError(`Deno requires net access to "${host}": run again with --allow-net`);
  };
  const refuse = <T>(exc: PermissionError): PromiseLike<T> => {
    const s = new Settle<T>();
    s.reject(exc);
    return s;
  };
  return {
    runtime: `Deno ${deno.version?.deno ?? ""}`.trim(),
    external: true,
    connect(req) {
      const exc = denied(req.address);
      return exc === null ? base.connect!(req) : refuse(exc);
    },
    listen(req) {
      const exc = denied(req.address);
      return exc === null ? base.listen!(req) : refuse(exc);
    },
  };
}


// ---- workers: the executor's threads (src/io/executors.ts)

/** Starts a worker for the executor on Deno: a module Web Worker (see the file's header). */
export function spawnDenoWorker(script: WorkerScript, events: WorkerEvents): WorkerPort {
  return spawnWebWorker(script, events);
}
