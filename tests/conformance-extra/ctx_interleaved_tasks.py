# Four tasks interleave, each setting the same variable at every step: whatever order the
# loop runs their steps in, each sees only its own latest value; a wakeup by a future that
# another task completes resumes the waiter in the waiter's context; the main task's value
# never moves.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

step = contextvars.ContextVar("step", default="main")

async def runner(name, delays, gate=None):
    for i, d in enumerate(delays):
        step.set("%s.%d" % (name, i))
        await asyncio.sleep(d)
        print(name, "step", i, "sees", fmt(step.get()), T())
    if gate is not None:
        if gate.done():
            print(name, "gate already open, sees", fmt(step.get()), T())
        else:
            step.set(name + ".gate")
            await gate
            print(name, "through the gate, sees", fmt(step.get()), T())
    return step.get()

async def opener(gate):
    step.set("opener")
    await asyncio.sleep(0.25)
    gate.set_result(None)
    print("opener opened the gate, sees", fmt(step.get()), T())

async def main():
    gate = loop.create_future()
    rs = await asyncio.gather(
        runner("A", [0.1, 0.1, 0.1], gate),
        runner("B", [0.05, 0.17], gate),
        runner("C", [0, 0, 0.12]),
        runner("D", [0.31], gate),
        opener(gate),
    )
    print("results", fmt(rs), "main sees", fmt(step.get()), T())

loop.run_until_complete(main())
loop.close()
