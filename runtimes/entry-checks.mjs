// What every entry that loads the package as a module shares (entry.mjs, entry-npm.mjs, the
// browser page and worker, the workerd script). Each imports this file before the package,
// so the snapshot of the global object below is taken before wasmloop evaluates.
import { runChecks } from "./check.mjs";

// Node defines some globals lazily: the first read replaces a getter with the value. Read the
// ones the package and the checks use first, so that reading them is no change.
void globalThis.TextEncoder;
void globalThis.TextDecoder;

// the global object's own data properties: a name added or a value replaced shows up here
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
