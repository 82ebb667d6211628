# The seed's as_completed loop on virtual time: results come in completion order (not
# argument order), an exception is raised by the await of its turn, the items are not the
# futures passed in; with a timeout the items still pending raise TimeoutError while the
# tasks themselves go on running; already-done futures come first.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def job(tag, d, fail=False):
    print(tag, "starts", T())
    await asyncio.sleep(d)
    if fail:
        print(tag, "fails", T())
        raise ValueError(tag)
    print(tag, "done", T())
    return tag

async def main():
    print("-- completion order")
    fs = [asyncio.ensure_future(job("a", 3)), asyncio.ensure_future(job("b", 1)), job("c", 2)]
    for i, f in enumerate(asyncio.as_completed(fs)):
        print("item", i, "is one of fs:", f in fs[:2])
        result = await f
        print("got", fmt(result), T())

    print("-- an exception is raised by the await of its turn")
    for f in asyncio.as_completed([job("d", 0.5), job("e", 0.25, True), job("f", 0.75)]):
        try:
            print("got", fmt(await f), T())
        except ValueError as e:
            print("raised", fmt(e), T())

    print("-- timeout")
    slow = asyncio.ensure_future(job("slow", 4))
    n = 0
    for f in asyncio.as_completed([job("g", 0.5), slow, job("h", 1.5)], timeout=1.0):
        n += 1
        try:
            print(n, "got", fmt(await f), T())
        except TimeoutError as e:
            print(n, "timed out:", ename(e), T(), "slow done:", slow.done())
    print("slow goes on:", fmt(await slow), T())

    print("-- done futures first")
    done = loop.create_future()
    done.set_result("early")
    later = loop.create_future()
    loop.call_later(0.5, later.set_result, "later")
    for f in asyncio.as_completed([later, job("i", 0.25), done]):
        print("got", fmt(await f), T())

loop.run_until_complete(main())
print("end", T())
