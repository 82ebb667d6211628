// Bad arguments to ExceptionGroup and to split()/subgroup(): a message that is not a string, an
// exceptions argument that is not iterable, an empty one, a member that is not a thrown value
// (null); a condition that is neither an Error class nor a function (a number, a string, an
// error instance, a class that is not an Error). Only error classes are printed (asyncio's
// ValueError is RangeError here); the group is still usable afterwards.
import { ExceptionGroup } from "wasmloop";
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function attempt(tag, call) {
  try {
    const r = call();
    console.log(tag, "-> no error:", String(r));
  } catch (e) {
    if (!(e instanceof TypeError || e instanceof RangeError)) throw e;
    console.log(tag, "->", ename(e));
  }
}

class NotAnError {}

attempt("message 1", () => new ExceptionGroup(1, [new ValueError("x")]));
attempt("message None", () => new ExceptionGroup(null, [new ValueError("x")]));
attempt("exceptions 5", () => new ExceptionGroup("m", 5));
attempt("exceptions None", () => new ExceptionGroup("m", null));
attempt("exceptions []", () => new ExceptionGroup("m", []));
attempt("exceptions [None]", () => new ExceptionGroup("m", [null]));
attempt("exceptions [ValueError, None]", () => new ExceptionGroup("m", [new ValueError("x"), null]));
const eg = new ExceptionGroup("eg", [new ValueError("v"), new TypeError("t")]);
for (const [label, bad] of [["5", 5], ["'ValueError'", "ValueError"], ["an instance", new ValueError("i")],
  ["a class that is no exception", NotAnError], ["None", null]]) {
  attempt(`split(${label})`, () => eg.split(bad));
  attempt(`subgroup(${label})`, () => eg.subgroup(bad));
}
console.log("still usable:", String(eg.subgroup(TypeError)), String(eg.split(ValueError)[1]), String(eg));
