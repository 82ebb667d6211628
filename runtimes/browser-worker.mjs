// The dedicated module worker of browser.html. Workers don't see the page's import map, so
// it imports the package by URL. The page is cross-origin isolated (run.mjs serves it with
// COOP/COEP), so this worker has SharedArrayBuffer and may block with Atomics.wait. Sockets:
// none; every network call must refuse, naming Chromium.
import { checkEntry } from "/runtimes/entry-checks.mjs";
import * as api from "/dist/index.js";

postMessage(await checkEntry(api, "/dist/index.js", { blocking: true, threads: true, subprocesses: "none", net: { refused: "Chromium" } }));
