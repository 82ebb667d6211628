# A task factory sees every task the loop makes: create_task (loop's and asyncio's),
# ensure_future, gather and shield of coroutines, run_until_complete's own task. It gets
# the loop and the coroutine, plus context= only when one was given; a name given to
# create_task is set on what the factory returns, after it returns (3.12). get_task_factory
# returns it; set_task_factory(None) restores the default.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

made = []

def factory(loop_, coro, **kwargs):
    made.append(coro.__name__)
    print("  factory: coro", coro.__name__, "kwargs", sorted(kwargs), "same loop:", loop_ is loop)
    return asyncio.Task(coro, loop=loop_, **kwargs)

async def leaf(v):
    await asyncio.sleep(0.1)
    return v

async def main():
    print("current factory is ours:", loop.get_task_factory() is factory)
    a = loop.create_task(leaf("a"), name="given-name")
    print("named:", a.get_name())
    b = asyncio.create_task(leaf("b"), context=contextvars.copy_context())
    c = asyncio.ensure_future(leaf("c"))
    g = asyncio.gather(leaf("d"), leaf("e"))
    s = asyncio.shield(leaf("f"))
    print(fmt([await a, await b, await c] + await g + [await s]), T())
    loop.set_task_factory(None)
    print("factory now:", loop.get_task_factory())
    await loop.create_task(leaf("not seen"))
    print("made", len(made), fmt(made))

print("default before:", loop.get_task_factory())
loop.set_task_factory(factory)
loop.run_until_complete(main())
loop.close()
