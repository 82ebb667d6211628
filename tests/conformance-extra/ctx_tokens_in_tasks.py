# Tokens across tasks: a task can reset its own set after awaiting (its context is the same
# across steps), but not a token made in another task (ValueError: different Context), not
# one of another variable (ValueError), and not one used already (RuntimeError); each
# failure leaves the value as it was and the task goes on.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

level = contextvars.ContextVar("level", default=0)
other = contextvars.ContextVar("other", default="-")

def attempt(tag, var, token):
    try:
        var.reset(token)
        print(" ", tag, "-> reset ok, now", fmt(var.get()))
    except (ValueError, RuntimeError) as e:
        print(" ", tag, "->", ename(e), "value stays", fmt(var.get()))

async def owner(shared):
    t1 = level.set(1)
    print("owner set 1, old value missing:", t1.old_value is contextvars.Token.MISSING, T())
    await asyncio.sleep(0.1)
    t2 = level.set(2)
    print("owner set 2, old value", t2.old_value, "var is level:", t2.var is level, T())
    shared.append(t2)
    await asyncio.sleep(0.2)
    attempt("owner resets t2 after sleeping", level, t2)
    attempt("owner resets t2 again", level, t2)
    attempt("owner resets t1 with other", other, t1)
    attempt("owner resets t1", level, t1)
    return level.get()

async def thief(shared):
    await asyncio.sleep(0.15)
    level.set(99)
    attempt("thief resets owner's token", level, shared[0])
    return level.get()

async def main():
    shared = []
    r = await asyncio.gather(owner(shared), thief(shared))
    print("results", r, "main level", level.get(), T())
    tok = other.set("main")
    ctx = contextvars.copy_context()
    print("copy holds", fmt(ctx.get(other)))
    try:
        ctx.run(other.reset, tok)
    except ValueError as e:
        print("reset inside a copy:", ename(e))
    other.reset(tok)
    print("main other", fmt(other.get()), "copy still", fmt(ctx.get(other)))

loop.run_until_complete(main())
loop.close()
