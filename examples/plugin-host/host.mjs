// A plugin host that drives a wasmloop loop from its own tick, as a game engine would: each
// frame it advances its own clock by 1/60 s and calls runOnce() when the loop says work is
// due (nextWakeup()). The plugin runs in an SES compartment after lockdown(). Nothing here
// waits in real time: the host's clock is the frame counter.
import "ses";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
// wasmloop as one script for the compartment (a host would ship this bundle)
const { outputFiles } = buildSync({
  entryPoints: [join(here, "..", "..", "dist", "index.js")],
  bundle: true, format: "iife", globalName: "wasmloop", write: false,
});
const wasmloopScript = `(() => {${outputFiles[0].text}; return wasmloop; })()`;

lockdown({ errorTaming: "unsafe", consoleTaming: "unsafe" });

let frame = 0;
const FRAME_MS = 1000 / 60;
const lines = [];
const log = (line) => lines.push(`frame ${String(frame).padStart(3)}: ${line}`);

// Each plugin gets an instance of the package of its own, evaluated from the same bundle
// text in a compartment endowed with WebAssembly only (the plugin's loop reads the host's
// clock and never arms a host timer). Nothing a plugin does to its copy — its classes, their
// prototypes, its default loop — can reach another plugin's. The namespace is copied before
// harden(): the bundle exposes its exports as getters, and harden() freezes a getter, not
// what it returns; as data properties, every class, prototype and function gets frozen.
const wasmloopInstance = () =>
  harden({ ...new Compartment({ globals: { WebAssembly }, __options__: true }).evaluate(wasmloopScript) });
const plugin = new Compartment({
  globals: { wasmloop: wasmloopInstance(), hostNow: harden(() => frame * FRAME_MS), log: harden(log) },
  __options__: true,
});
const { loop, done } = plugin.evaluate(readFileSync(join(here, "plugin.js"), "utf8"));

let iterations = 0;
while (!done.done() && frame < 600) {
  frame++;
  // run every iteration that is due at this frame's time, as a fixed-step host would
  while (loop.time() >= loop.nextWakeup()) {
    loop.runOnce();
    iterations++;
  }
}
console.log(lines.join("\n"));
console.log(`${frame} frames, ${iterations} loop iterations, result: ${done.exception() ?? "ok"}`);
