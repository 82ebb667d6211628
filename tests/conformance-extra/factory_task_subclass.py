# A factory that returns a Task subclass which records its own life: every task the program
# makes is one (the main task included), they behave as Tasks (cancel, names, results), and
# the subclass sees each completion through its done callbacks. A factory that starts tasks
# eagerly is built from the subclass with create_eager_task_factory.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

class TracedTask(asyncio.Task):
    count = 0
    def __init__(self, coro, **kwargs):
        super().__init__(coro, **kwargs)
        TracedTask.count += 1
        self.serial = TracedTask.count
        self.add_done_callback(lambda t: print("  traced #%d done:" % t.serial,
            "cancelled" if t.cancelled() else fmt(t.exception() or t.result()), T()))

def factory(loop_, coro, **kwargs):
    return TracedTask(coro, loop=loop_, **kwargs)

async def work(v, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(v)
    return v

async def main():
    print("main is traced:", isinstance(asyncio.current_task(), TracedTask))
    ok = asyncio.create_task(work("ok", 0.1))
    bad = asyncio.create_task(work("bad", 0.2, fail=True))
    slow = asyncio.create_task(work("slow", 5))
    await asyncio.sleep(0.3)
    slow.cancel()
    r = await asyncio.gather(ok, bad, slow, return_exceptions=True)
    print("gather ->", fmt(r), T())
    loop.set_task_factory(asyncio.create_eager_task_factory(TracedTask))
    t = asyncio.create_task(work("eager", 0))
    print("eager traced:", isinstance(t, TracedTask), "serial", t.serial, "done", t.done())
    print("->", fmt(await t), T())
    return TracedTask.count

loop.set_task_factory(factory)
print("tasks made:", loop.run_until_complete(main()))
loop.close()
