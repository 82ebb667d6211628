// ExceptionGroup's fields: String() is the message with the count of sub-exceptions ("1
// sub-exception", "3 sub-exceptions"), message is bare, exceptions holds the very objects in
// order, a group is an Error and can be nested; the empty message.
import { ExceptionGroup } from "wasmloop";
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const [a, b, c] = [new ValueError("a"), new TypeError("b"), new ValueError("c")];
const eg = new ExceptionGroup("three", [a, b, c]);
console.log("str:", String(eg));
console.log("message:", `'${eg.message}'`);
console.log("len:", eg.exceptions.length, "same objects:", B(eg.exceptions[0] === a), B(eg.exceptions[1] === b), B(eg.exceptions[2] === c));
console.log("is an Exception:", B(eg instanceof Error), "is an ExceptionGroup:", B(eg instanceof ExceptionGroup));
const one = new ExceptionGroup("one", [a]);
console.log("one:", String(one));
const outer = new ExceptionGroup("outer", [one, eg]);
console.log("outer:", String(outer), "inner kept:", B(outer.exceptions[0] === one), B(outer.exceptions[1] === eg));
console.log("empty message:", `'${String(new ExceptionGroup("", [a]))}'`);
console.log("name:", ename(eg), "with its name:", `${ename(eg)}: ${String(eg)}`); // fmt() would print the bare message
