# call_soon / call_later / call_at callbacks run in a copy of the context current when they
# were scheduled: later sets by the scheduler do not reach them, their own sets reach neither
# the scheduler nor the next callback, and a callback they schedule inherits their values.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

phase = contextvars.ContextVar("phase", default="start")

def report(tag):
    print(tag, "sees", fmt(phase.get()), T())

def setter(tag, value):
    print(tag, "sees", fmt(phase.get()), "and sets", fmt(value), T())
    phase.set(value)
    loop.call_soon(report, tag + "'s child")
    loop.call_later(0.05, report, tag + "'s timer")

async def main():
    phase.set("scheduling")
    loop.call_soon(report, "soon-1")
    loop.call_soon(setter, "soon-2", "set by soon-2")
    loop.call_soon(report, "soon-3")
    loop.call_later(0.1, setter, "later", "set by later")
    loop.call_at(loop.time() + 0.2, report, "at")
    h = loop.call_later(0.15, report, "cancelled")
    phase.set("after scheduling")
    h.cancel()
    await asyncio.sleep(0)
    print("main sees", fmt(phase.get()), T())
    await asyncio.sleep(0.3)
    print("main still sees", fmt(phase.get()), T())

loop.call_soon(report, "from outside")
loop.run_until_complete(main())
print("outside", fmt(phase.get()))
loop.close()
