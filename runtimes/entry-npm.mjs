// Deno's `npm:` specifier against the packed package installed into a project's
// node_modules (run.mjs packs it and installs it offline; Deno reads node_modules, with no
// registry and no permission flags).
import { checkEntry } from "./entry-checks.mjs";
import * as api from "npm:wasmloop";

console.log(JSON.stringify(await checkEntry(api, "npm:wasmloop", { blocking: true, threads: true, subprocesses: "denied" })));
