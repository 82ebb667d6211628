# copy_context() is a snapshot: later sets in the task do not show in the copy, sets made in
# the copy (ctx.run) do not show in the task; the copy reads as a mapping (len, in, get,
# [var]); contextvars.Context() is empty; a task created from a copy's run inherits the copy.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

a = contextvars.ContextVar("a", default="a0")
b = contextvars.ContextVar("b")

def describe(tag, ctx):
    print(tag, "len", len(ctx), "a in", a in ctx, "b in", b in ctx,
          "a", fmt(ctx.get(a)), "b", fmt(ctx.get(b, "no b")),
          "names", sorted(v.name for v in ctx))

async def reader():
    await asyncio.sleep(0.1)
    return a.get(), b.get("unset")

async def main():
    describe("empty Context()", contextvars.Context())
    describe("start", contextvars.copy_context())
    a.set("a1")
    snap = contextvars.copy_context()
    a.set("a2")
    b.set("b2")
    describe("snapshot", snap)
    describe("now", contextvars.copy_context())
    snap.run(b.set, "b-in-snap")
    describe("snapshot after run", snap)
    print("task sees", fmt(b.get()), "snap[b]", fmt(snap[b]))
    t = snap.run(asyncio.create_task, reader())
    snap.run(a.set, "a-changed-later")
    print("reader ->", fmt(list(await t)), T())
    print("copy of copy", fmt(snap.copy().get(a)), "main a", fmt(a.get()), T())

loop.run_until_complete(main())
loop.close()
