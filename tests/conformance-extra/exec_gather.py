# gather() of run_in_executor Futures: the results come in the order of the arguments,
# whatever order the threads finish in (the calls do different amounts of work). With
# return_exceptions=True a failing call's exception takes its place in the list; without
# it, gather raises that exception.
import asyncio
from vloop import fmt


def work(name, n):
    total = 0
    for i in range(n):
        total += i
    return "%s:%d" % (name, total)


def boom(name):
    raise ValueError("boom " + name)


async def main():
    loop = asyncio.get_running_loop()
    jobs = [("a", 300000), ("b", 10), ("c", 20000), ("d", 1)]
    print(fmt(await asyncio.gather(*(loop.run_in_executor(None, work, name, n) for name, n in jobs))))
    res = await asyncio.gather(
        loop.run_in_executor(None, work, "e", 5),
        loop.run_in_executor(None, boom, "f"),
        loop.run_in_executor(None, work, "g", 7),
        return_exceptions=True,
    )
    print(fmt(res))
    try:
        await asyncio.gather(loop.run_in_executor(None, work, "h", 3), loop.run_in_executor(None, boom, "i"))
    except ValueError as e:
        print("gather raised", fmt(e))
    print("afterwards", await loop.run_in_executor(None, work, "j", 4))


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
