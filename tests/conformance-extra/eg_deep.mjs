// Deep nesting: four levels, split by a predicate on the leaves' messages. Groups left empty
// vanish at every level, a level left with one member keeps its own group around it, and a
// nested group nothing in which matched is still copied into the rest (a new object with the
// same message), while one the predicate takes whole stays the same object.
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

const untouched = new ExceptionGroup("untouched", [new TypeError("x1"), new TypeError("x2")]);
const eg = new ExceptionGroup("L1", [
  new ValueError("keep-1"),
  new ExceptionGroup("L2a", [
    new ExceptionGroup("L3", [new ExceptionGroup("L4", [new ValueError("keep-4")]), new TypeError("drop-3")]),
    new TypeError("drop-2"),
  ]),
  untouched,
  new ExceptionGroup("L2b", [new ValueError("keep-2b"), new ValueError("keep-2b'")]),
]);
const keep = (e) => !(e instanceof ExceptionGroup) && e.message.startsWith("keep");
const [m, r] = eg.split(keep);
console.log("kept:");
tree(m);
console.log("rest:");
tree(r);
console.log("untouched copied into the rest:", B(r.exceptions[1] !== untouched), r.exceptions[1].message);
const whole = eg.split((e) => e instanceof ExceptionGroup && e.message === "untouched")[0];
console.log("taken whole is the same object:", B(whole.exceptions[0] === untouched));
console.log("drop everything:", fmt(eg.subgroup(() => false)), "| keep L2b only:");
tree(eg.subgroup((e) => e instanceof ExceptionGroup && e.message === "L2b"));
