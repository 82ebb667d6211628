# result()/exception() of futures and tasks in every state; a task cancelled before its first
# step never runs its body; cancel() of a done task is False; a failed task hands out the very
# exception object; set_result on a done future and on a task fail; the CancelledError a
# coroutine raised is handed out once with its message, later calls make a plain one.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def probe(label, fut):
    for meth in ("result", "exception"):
        try:
            v = getattr(fut, meth)()
            print(label, meth, "->", fmt(v))
        except BaseException as e:
            print(label, meth, "raised", fmt(e))

async def body(log):
    log.append("body started")
    try:
        await asyncio.sleep(1)
        return "body done"
    finally:
        log.append("finally")

err = ValueError("task failed")
async def failing():
    await asyncio.sleep(0.5)
    raise err

async def catch_reraise():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        raise

async def waiter(name, t):
    try:
        await t
    except asyncio.CancelledError as e:
        print(name, "got", fmt(e), T())

async def main():
    f = loop.create_future()
    probe("pending future", f)
    f.set_result(None)
    probe("future with None", f)
    try:
        f.set_result(1)
    except asyncio.InvalidStateError as e:
        print("set_result on done future raised", ename(e))
    try:
        f.set_exception(ValueError("x"))
    except asyncio.InvalidStateError as e:
        print("set_exception on done future raised", ename(e))

    log = []
    t = loop.create_task(body(log))
    probe("new task", t)
    print("cancel before first step", t.cancel(), "done", t.done())
    await asyncio.sleep(0)
    print("after one iteration: done", t.done(), "cancelled", t.cancelled(), "log", fmt(log))
    probe("cancelled-early task", t)
    print("cancel after done", t.cancel(), "cancelling", t.cancelling())

    log2 = []
    t2 = loop.create_task(body(log2))
    r = await t2
    print("t2 returned", fmt(r), "log", fmt(log2), T())
    print("cancel finished task", t2.cancel(), "cancelled", t2.cancelled(), "cancelling", t2.cancelling())
    probe("finished task", t2)

    t3 = loop.create_task(failing())
    try:
        await t3
    except ValueError as e:
        print("await t3 raised the same object", e is err, T())
    print("t3.exception() is err", t3.exception() is err)
    try:
        t3.result()
    except ValueError as e:
        print("t3.result() raised the same object", e is err)
    try:
        t3.set_result(1)
    except RuntimeError as e:
        print("set_result on a task raised", ename(e))
    try:
        t3.set_exception(ValueError("y"))
    except RuntimeError as e:
        print("set_exception on a task raised", ename(e))

    t4 = loop.create_task(catch_reraise())
    w1 = loop.create_task(waiter("w1", t4))
    w2 = loop.create_task(waiter("w2", t4))
    await asyncio.sleep(0.25)
    print("cancel t4", t4.cancel("msg4"))
    await asyncio.gather(w1, w2)
    probe("t4", t4)
    print("end", T())

loop.run_until_complete(main())
loop.close()
