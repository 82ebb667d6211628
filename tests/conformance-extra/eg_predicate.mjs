// A predicate as the condition of split() and subgroup(): it is asked about the group itself
// first, then about each member, a nested group before its own members, depth first; a group
// for which it holds is taken whole (the same object), and a predicate that holds for the top
// group returns it as it is. When every leaf matches but no group does, the result is a copy.
import { ExceptionGroup } from "wasmloop";
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const tree = (e, ind = "  ") => {
  if (e == null) console.log(ind + "None");
  else if (e instanceof ExceptionGroup) {
    console.log(ind + `${ename(e)}('${e.message}') [${e.exceptions.length}]`);
    for (const x of e.exceptions) tree(x, ind + "  ");
  } else console.log(ind + fmt(e));
};
const strs = (xs) => `[${xs.map((x) => `'${x}'`).join(", ")}]`;

const describe = (e) => (e instanceof ExceptionGroup ? `group ${e.message}` : fmt(e));

const eg = new ExceptionGroup("top", [new ValueError("a"), new ExceptionGroup("inner", [new TypeError("b"), new ValueError("c")]), new TypeError("d")]);

let asked = [];
const never = (e) => {
  asked.push(describe(e));
  return false;
};
console.log("subgroup(never) ->", fmt(eg.subgroup(never)));
console.log("asked:", strs(asked));
asked = [];
let [m, r] = eg.split(never);
console.log("split(never) -> match", fmt(m), "rest is a copy:", B(r !== eg), String(r));
console.log("asked:", strs(asked));

asked = [];
const innerGroup = (e) => {
  asked.push(describe(e));
  return e instanceof ExceptionGroup && e.message === "inner";
};
[m, r] = eg.split(innerGroup);
console.log("split(the inner group):");
tree(m);
tree(r);
console.log("inner taken whole:", B(m.exceptions[0] === eg.exceptions[1]), "asked:", strs(asked));

console.log("subgroup(always) is eg:", B(eg.subgroup(() => true) === eg));
[m, r] = eg.split(() => true);
console.log("split(always): match is eg", B(m === eg), "rest", fmt(r));
const leaves = eg.subgroup((e) => !(e instanceof ExceptionGroup));
console.log("all leaves match: a copy", B(leaves !== eg), String(leaves));
tree(leaves);
const vals = eg.subgroup((e) => e instanceof ValueError);
console.log("ValueErrors by predicate:");
tree(vals);
