// What every entry that loads the package as a module shares (entry.mjs, entry-npm.mjs, the
// browser page and worker, the workerd script). Each imports this file before the package,
// so the snapshot of the global object below is taken before wasmloop evaluates.
import { runChecks } from "./check.mjs";

// the global object's own data properties: a name added or a value replaced shows up here.
// Node defines TextEncoder, TransformStream and others as lazy accessors that turn into data
// properties on first use: they are used once first, so that their first use later is no change.
for (const k of Object.getOwnPropertyNames(globalThis)) {
  if (typeof Object.getOwnPropertyDescriptor(globalThis, k).get !== "function") continue;
  try {
    void globalThis[k];
  } catch {
    // a getter that refuses here is left as it is
  }
}
const snapshot = () =>
  new Map(Object.getOwnPropertyNames(globalThis).map((k) => [k, Object.getOwnPropertyDescriptor(globalThis, k).value]));
const before = snapshot();

/** The global object's own properties added or replaced since this file was imported. */
export function changedGlobals() {
  return [...snapshot()].filter(([k, v]) => !before.has(k) || !Object.is(before.get(k), v)).map(([k]) => k);
}

/**
 * Runs the checks on `api` (imported as `specifier`; `options` as for runChecks), then one
 * more: the import and the loops left the global object as it was.
 */
export async function checkEntry(api, specifier, options) {
  const results = await runChecks(api, options);
  const changed = changedGlobals();
  results.unshift({
    name: `importing "${specifier}" and running loops add or replace no global`,
    ok: changed.length === 0,
    detail: changed.join(", "),
  });
  return results;
}
