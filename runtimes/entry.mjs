// Node, Deno and Bun run this file and print the checks as JSON on the last line.
// "wasmloop" is the repository's own package: Node and Bun resolve it through package.json's
// "exports" (the built dist/), Deno through deno-import-map.json. Deno runs it with no
// permission flags (static imports are not file reads, and the package reads no file and no
// network), and once more with --allow-run for the subprocess check.
import { checkEntry } from "./entry-checks.mjs";
import * as api from "wasmloop";

// Deno runs it twice: with --allow-run (children can be started) and without (PermissionError)
const subprocesses = typeof Deno === "object" && Deno.permissions.querySync({ name: "run" }).state !== "granted" ? "denied" : "yes";
console.log(JSON.stringify(await checkEntry(api, "wasmloop", { blocking: true, threads: true, subprocesses })));
