// Copies made by split() and subgroup(): each part of a group is made by the group's derive(),
// so a subclass without derive() gives plain ExceptionGroups, and one that overrides it keeps
// its class and its extra fields; every part keeps the message and the cause of the group
// it was made from; a derive() that returns something else than a group is a TypeError.
import { ExceptionGroup } from "wasmloop";
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class OSError extends Error { constructor(m) { super(m); this.name = "OSError"; } }
const tree = (e, ind = "  ") => {
  if (e == null) console.log(ind + "None");
  else if (e instanceof ExceptionGroup) {
    console.log(ind + `${ename(e)}('${e.message}') [${e.exceptions.length}]`);
    for (const x of e.exceptions) tree(x, ind + "  ");
  } else console.log(ind + fmt(e));
};

class Plain extends ExceptionGroup {}
Object.defineProperty(Plain.prototype, "name", { value: "Plain" });

class Tagged extends ExceptionGroup {
  constructor(message, excs, tag) {
    super(message, excs);
    this.tag = tag;
  }

  derive(excs) {
    return new Tagged(this.message, excs, this.tag);
  }
}
Object.defineProperty(Tagged.prototype, "name", { value: "Tagged" });

class Broken extends ExceptionGroup {
  derive() {
    return 42;
  }
}

const cause = new OSError("root cause");
let plain;
try {
  const e = new Plain("plain", [new ValueError("v"), new TypeError("t")]);
  e.cause = cause; // raise ... from cause
  throw e;
} catch (e) {
  plain = e;
}
let [m, r] = plain.split(ValueError);
console.log("Plain parts:", ename(m), ename(r), "messages", m.message, r.message);
console.log("cause kept:", B(m.cause === cause), B(r.cause === cause));

const inner = new Tagged("inner", [new ValueError("v2"), new TypeError("t2")], "in");
const tagged = new Tagged("outer", [new ValueError("v1"), inner], "out");
[m, r] = tagged.split(ValueError);
console.log("Tagged parts:", ename(m), m.tag, ename(m.exceptions[1]), m.exceptions[1].tag);
tree(m);
tree(r);
try {
  new Broken("broken", [new ValueError("v"), new TypeError("t")]).split(ValueError);
} catch (e) {
  if (!(e instanceof TypeError)) throw e;
  console.log("derive returning 42 ->", ename(e));
}
try {
  new Broken("b", [new ValueError("v")]).subgroup(ValueError);
} catch (e) {
  if (!(e instanceof TypeError)) throw e;
  console.log("every leaf matching still derives ->", ename(e));
}
console.log("the group itself matching needs no derive():", B(new Broken("b", [new ValueError("v")]).subgroup(Broken) !== null));
