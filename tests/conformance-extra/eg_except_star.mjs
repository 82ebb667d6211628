// except* written with split() (API.md rule 7): each clause takes the part of what is left
// that matches its type, in clause order; what no clause takes is raised again as a group
// keeping the original nesting; a lone exception (not a group) is seen by the clause wrapped
// in a group with an empty message; a group fully handled raises nothing.
import { ExceptionGroup } from "wasmloop";
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(`'${m}'`); this.name = "KeyError"; } }
class OSError extends Error { constructor(m) { super(m); this.name = "OSError"; } }
const tree = (e, ind = "  ") => {
  if (e == null) console.log(ind + "None");
  else if (e instanceof ExceptionGroup) {
    console.log(ind + `${ename(e)}('${e.message}') [${e.exceptions.length}]`);
    for (const x of e.exceptions) tree(x, ind + "  ");
  } else console.log(ind + fmt(e));
};
const strs = (xs) => `[${xs.map((x) => `'${x}'`).join(", ")}]`;

function handle(label, exc) {
  console.log(label + ":");
  try {
    try {
      throw exc;
    } catch (caught) {
      // except*: a lone exception is handled as a group of one with an empty message
      let rest = caught instanceof ExceptionGroup ? caught : new ExceptionGroup("", [caught]);
      let e;
      [e, rest] = rest.split(ValueError); // except* ValueError as e:
      if (e !== null) {
        console.log("  ValueError clause:", String(e));
        tree(e, "    ");
      }
      if (rest !== null) {
        [e, rest] = rest.split((x) => x instanceof TypeError || x instanceof KeyError); // except* (TypeError, KeyError) as e:
        if (e !== null) {
          console.log("  TypeError/KeyError clause:", String(e));
          tree(e, "    ");
        }
      }
      if (rest !== null) throw caught instanceof ExceptionGroup ? rest : caught;
    }
    console.log("  all handled");
  } catch (rest) {
    console.log("  re-raised:", ename(rest));
    tree(rest, "    ");
  }
}

handle("mixed", new ExceptionGroup("mixed", [new ValueError("v1"), new TypeError("t1"),
  new ExceptionGroup("inner", [new ValueError("v2"), new OSError("o1"), new KeyError("k1")]), new OSError("o2")]));
handle("only handled ones", new ExceptionGroup("handled", [new ValueError("v"), new TypeError("t")]));
handle("a lone ValueError", new ValueError("lone"));
handle("a lone OSError", new OSError("lone os"));
