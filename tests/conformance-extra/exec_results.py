# run_in_executor(None, func, *args): the default executor runs a plain function in a
# thread. The loop Future is pending right after the call and done once awaited; the
# positional arguments pass through; results of several types come back as they are.
import asyncio
from vloop import fmt


def multiply(a, b):
    return a * b


def describe(name, items):
    return "%s has %d items: %s" % (name, len(items), ", ".join(items))


def squares(n):
    return [i * i for i in range(n)]


def nothing():
    return None


def above(x, limit):
    return x > limit


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, multiply, 6, 7)
    print("a future:", asyncio.isfuture(fut), "done right after the call:", fut.done())
    print("result", await fut, "done:", fut.done())
    print(await loop.run_in_executor(None, describe, "basket", ["apple", "pear"]))
    print("squares", fmt(await loop.run_in_executor(None, squares, 5)))
    print("nothing", fmt(await loop.run_in_executor(None, nothing)))
    print("above", fmt(await loop.run_in_executor(None, above, 5, 3)), fmt(await loop.run_in_executor(None, above, 1, 3)))
    print("the first future again:", fut.result())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
