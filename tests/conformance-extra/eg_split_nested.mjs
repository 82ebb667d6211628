// split() and subgroup() by exception type on nested groups: the nesting and the messages of
// every level are kept, groups left empty are dropped, leaves are the same objects; a type
// matching a nested group's own class takes that group whole; a type matching nothing gives
// null (and split's rest is a copy, not the group); a base class takes everything.
import { ExceptionGroup } from "wasmloop";
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
// Python's hierarchy: KeyError is a LookupError; OSError is unrelated
class LookupError extends Error { constructor(m) { super(m); this.name = "LookupError"; } }
class KeyError extends LookupError { constructor(m) { super(`'${m}'`); this.name = "KeyError"; } }
class OSError extends Error { constructor(m) { super(m); this.name = "OSError"; } }
const tree = (e, ind = "  ") => {
  if (e == null) console.log(ind + "None");
  else if (e instanceof ExceptionGroup) {
    console.log(ind + `${ename(e)}('${e.message}') [${e.exceptions.length}]`);
    for (const x of e.exceptions) tree(x, ind + "  ");
  } else console.log(ind + fmt(e));
};

class MyGroup extends ExceptionGroup {}

const [v1, t1, v2, k1, v3] = [new ValueError("v1"), new TypeError("t1"), new ValueError("v2"), new KeyError("k1"), new ValueError("v3")];
const eg = new ExceptionGroup("top", [
  v1,
  new ExceptionGroup("mid", [t1, new ExceptionGroup("deep", [v2, k1])]),
  new MyGroup("mine", [v3]),
]);
// a Python subclass keeps its class name
Object.defineProperty(MyGroup.prototype, "name", { value: "MyGroup" });
console.log("the group:");
tree(eg);
for (const [label, match] of [["ValueError", ValueError], ["TypeError", TypeError], ["LookupError", LookupError],
  ["MyGroup", MyGroup], ["OSError", OSError], ["Exception", Error]]) {
  const [m, r] = eg.split(match);
  console.log(`split(${label}):`);
  tree(m);
  tree(r);
  const s = eg.subgroup(match);
  console.log("  subgroup is the match part:", B((s === null && m === null) || (s !== null && String(s) === String(m))),
    "| match is eg:", B(m === eg), "| rest is eg:", B(r === eg));
}
const [m, r] = eg.split(ValueError);
console.log("leaves are the same objects:", B(m.exceptions[0] === v1), B(m.exceptions[1].exceptions[0].exceptions[0] === v2),
  B(m.exceptions[2].exceptions[0] === v3), B(r.exceptions[0].exceptions[0] === t1));
console.log("types of the parts:", ename(m), ename(m.exceptions[2]), ename(eg.subgroup(MyGroup).exceptions[0]));
