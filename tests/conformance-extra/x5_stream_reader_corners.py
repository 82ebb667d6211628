# A StreamReader fed by timers (virtual clock): a second read while one waits is a
# RuntimeError; a read cancelled while waiting loses nothing; wait_for(readline) times out
# and a later readline still gets the whole line; readuntil's LimitOverrunError when the
# separator is found beyond the limit (consumed = where it starts) and when it is not
# found, and what readline then drops; bad arguments.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def main():
    r = asyncio.StreamReader(limit=8)
    loop.call_later(1, r.feed_data, b"ab")
    first = asyncio.create_task(r.read(10))
    await asyncio.sleep(0)
    try:
        await r.read(10)
    except RuntimeError as e:
        print("second read:", ename(e), e)
    print("first read", await first, T())

    t = asyncio.create_task(r.readexactly(3))
    loop.call_later(0.5, r.feed_data, b"cde")
    await asyncio.sleep(0.25)
    t.cancel()
    await asyncio.sleep(0)
    print("cancelled readexactly", t.cancelled(), T())
    await asyncio.sleep(0.5)
    print("data kept:", await r.readexactly(3), T())

    loop.call_later(0.5, r.feed_data, b"hel")
    loop.call_later(1.5, r.feed_data, b"lo\nrest")
    try:
        await asyncio.wait_for(r.readline(), 1)
    except TimeoutError:
        print("readline timed out", T())
    print("readline later:", await r.readline(), T())
    print("left:", await r.readexactly(4))

    r.feed_data(b"0123456789|tail")
    try:
        await r.readuntil(b"|")
    except asyncio.LimitOverrunError as e:
        print("found beyond limit:", ename(e), e.consumed, e)
    try:
        await r.readline()
    except ValueError as e:
        print("readline:", ename(e), e)
    r.feed_data(b"more")
    print("after readline error:", await r.read(8))

    r.feed_data(b"abcdefghijkl")
    try:
        await r.readuntil(b"\n")
    except asyncio.LimitOverrunError as e:
        print("not found:", ename(e), e.consumed, e)
    try:
        await r.readline()
    except ValueError as e:
        print("readline:", ename(e), e)
    r.feed_data(b"xy\n")
    print("after clear:", await r.readline())

    for what, call in [("readuntil(b'')", lambda: r.readuntil(b"")),
                       ("readexactly(-1)", lambda: r.readexactly(-1))]:
        try:
            await call()
        except ValueError as e:
            print(what, ename(e), e)
    print("read(0)", await r.read(0))
    r.feed_eof()
    print("read(-1) at eof", await r.read(-1), "at_eof", r.at_eof())
    try:
        asyncio.StreamReader(limit=0)
    except ValueError as e:
        print("limit=0:", ename(e), e)

loop.run_until_complete(main())
loop.close()
