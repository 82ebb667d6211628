# asyncio.to_thread(func, *args) runs func in the running loop's default executor: its
# result, its exception, several at once under gather, one under wait_for with a timeout
# that does not expire, and a to_thread() awaited only after other work.
import asyncio
from vloop import fmt


def upper(s):
    return s.upper()


def add(*nums):
    return sum(nums)


def refuse(reason):
    raise RuntimeError(reason)


async def main():
    print(await asyncio.to_thread(upper, "hello"))
    print(await asyncio.to_thread(add, 1, 2, 3, 4))
    try:
        await asyncio.to_thread(refuse, "stopped")
    except RuntimeError as e:
        print("raised", fmt(e))
    print(fmt(await asyncio.gather(asyncio.to_thread(upper, "a"), asyncio.to_thread(add, 5, 6), asyncio.to_thread(upper, "b"))))
    print(await asyncio.wait_for(asyncio.to_thread(upper, "in time"), timeout=60))
    later = asyncio.to_thread(add, 10, 20)
    await asyncio.sleep(0)
    print("awaited later:", await later)
    task = asyncio.create_task(asyncio.to_thread(upper, "as a task"))
    print("task result:", await task)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
