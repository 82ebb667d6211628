# readuntil/readline/readexactly/read at the reader's limit, byte by byte, on readers fed by
# hand (virtual clock): for each case a fresh StreamReader(limit=4) gets the data (and EOF
# if asked), and the read either returns, raises (LimitOverrunError with consumed,
# ValueError, IncompleteReadError with the partial), or is still waiting after one second
# of loop time (wait_for's TimeoutError). Then what is left to read once EOF is fed.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)

CASES = [
    ("readuntil", b"abcd", b"\n", False),
    ("readuntil", b"abcd\n", b"\n", False),
    ("readuntil", b"abcde", b"\n", False),
    ("readuntil", b"abcde\n", b"\n", False),
    ("readuntil", b"abc", b"!!", False),
    ("readuntil", b"abcd!", b"!!", False),
    ("readuntil", b"abcde!", b"!!", False),
    ("readuntil", b"abcd!!", b"!!", False),
    ("readuntil", b"abcde!!", b"!!", False),
    ("readuntil", b"ab!", b"!!", True),
    ("readuntil", b"", b"\n", True),
    ("readline", b"abcd", None, False),
    ("readline", b"abcde", None, False),
    ("readline", b"abcd\nxy", None, False),
    ("readline", b"abcde\nxy", None, False),
    ("readline", b"abcdefgh", None, True),
    ("readline", b"abc", None, True),
    ("readexactly", b"abcdef", 6, False),
    ("readexactly", b"abc", 6, True),
    ("read", b"abcdefgh", 100, False),
    ("read", b"abcdefgh", -1, True),
]

async def case(kind, data, arg, eof):
    r = asyncio.StreamReader(limit=4)
    r.feed_data(data)
    if eof:
        r.feed_eof()
    if kind == "readuntil":
        aw = r.readuntil(arg)
    elif kind == "readline":
        aw = r.readline()
    elif kind == "readexactly":
        aw = r.readexactly(arg)
    else:
        aw = r.read(arg)
    try:
        out = "-> %r" % (await asyncio.wait_for(aw, 1),)
    except asyncio.LimitOverrunError as e:
        out = "LimitOverrunError consumed=%d %s" % (e.consumed, e)
    except asyncio.IncompleteReadError as e:
        out = "IncompleteReadError partial=%r expected=%r" % (e.partial, e.expected)
    except ValueError as e:
        out = "ValueError %s" % e
    except TimeoutError:
        out = "still waiting"
    r.feed_eof()
    left = await r.read()
    print("%-11s %-10r %-6r eof=%-5s %s | left %r" % (kind, data, arg, eof, out, left))

async def main():
    for c in CASES:
        await case(*c)

loop.run_until_complete(main())
loop.close()
