// copyContext() is a snapshot: later sets in the task do not show in the copy, sets made in
// the copy (ctx.run) do not show in the task; the copy reads as a mapping (size, has, get);
// new Context() is empty; a task created from a copy's run inherits the copy.
import { EventLoop, sleep, createTask, ContextVar, Context, copyContext } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const a = new ContextVar("a", { default: "a0" });
const b = new ContextVar("b");

function describe(tag, ctx) {
  console.log(tag, "len", ctx.size, "a in", B(ctx.has(a)), "b in", B(ctx.has(b)),
    "a", fmt(ctx.get(a)), "b", fmt(ctx.get(b, "no b")),
    "names", fmt([...ctx].map((v) => v.name).sort()));
}

function* reader() {
  yield* sleep(0.1);
  return [a.get(), b.get("unset")];
}

function* main() {
  describe("empty Context()", new Context());
  describe("start", copyContext());
  a.set("a1");
  const snap = copyContext();
  a.set("a2");
  b.set("b2");
  describe("snapshot", snap);
  describe("now", copyContext());
  snap.run((v) => b.set(v), "b-in-snap");
  describe("snapshot after run", snap);
  console.log("task sees", fmt(b.get()), "snap[b]", fmt(snap.get(b)));
  const t = snap.run(createTask, reader());
  snap.run(() => a.set("a-changed-later"));
  console.log("reader ->", fmt(yield* t), T());
  console.log("copy of copy", fmt(snap.copy().get(a)), "main a", fmt(a.get()), T());
}

loop.runUntilCompleteSync(main());
loop.close();
