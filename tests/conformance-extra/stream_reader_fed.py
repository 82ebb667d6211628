# A StreamReader fed by hand (no socket): feed_data/feed_eof from callbacks wake the read
# waiting for them; repr shows the buffer, EOF and a non-default limit; set_exception makes
# every read raise; a reader created in a coroutine uses the running loop.
import asyncio


async def main():
    r = asyncio.StreamReader(limit=20)
    print(repr(r))
    loop.call_soon(r.feed_data, b"hello ")
    loop.call_soon(r.feed_data, b"world\nrest")
    print("readline:", await r.readline())
    print(repr(r))
    r.feed_eof()
    print(repr(r), "at_eof", r.at_eof())
    print("read:", await r.read(), "at_eof", r.at_eof())
    try:
        r.feed_data(b"late")
    except AssertionError:
        print("feed_data after feed_eof refused")

    r2 = asyncio.StreamReader()
    waiter = loop.create_task(r2.readexactly(3))
    await asyncio.sleep(0)
    r2.set_exception(ConnectionResetError("gone"))
    try:
        await waiter
    except ConnectionResetError as e:
        print("waiting read raised", type(e).__name__, e)
    try:
        await r2.read(1)
    except ConnectionResetError as e:
        print("later read raised", type(e).__name__, e)
    print("exception()", type(r2.exception()).__name__)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
