# A function run in the executor prints: its lines come out before the awaiting code goes on
# (the thread writes to the same stdout before its result reaches the loop), and a line
# printed by the loop before the await comes first.
import asyncio


def report(name, n):
    for i in range(n):
        print("%s: step %d" % (name, i))
    return "%s done" % name


async def main():
    loop = asyncio.get_running_loop()
    print("before")
    result = await loop.run_in_executor(None, report, "first", 3)
    print("after:", result)
    for name in ("a", "b"):
        print(await asyncio.to_thread(report, name, 2))
    print("end")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
