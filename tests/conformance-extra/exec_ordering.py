# Where an executor result lands among the loop's callbacks. The Future completes at a loop
# iteration after the thread finished (the thread hands the result over with
# call_soon_threadsafe), never inside the call: a callback scheduled before the await runs
# first; a done callback added before the await runs before the awaiting task resumes;
# what that callback schedules runs after the task's step, and before the task's next one.
import asyncio
from vloop import fmt

log = []


def compute(x):
    return x * x


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, compute, 3)
    loop.call_soon(log.append, "call_soon before the await")

    def on_done(f):
        log.append("done callback sees " + fmt(f.result()))
        loop.call_soon(log.append, "scheduled by the done callback")

    fut.add_done_callback(on_done)
    log.append("awaiting; done: %s" % fut.done())
    v = await fut
    log.append("task resumed with " + fmt(v))
    await asyncio.sleep(0)
    log.append("task after sleep(0)")
    both = asyncio.gather(loop.run_in_executor(None, compute, 4), loop.run_in_executor(None, compute, 5))
    both.add_done_callback(lambda f: log.append("gather done " + fmt(f.result())))
    log.append("gathered " + fmt(await both))


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
for line in log:
    print(line)
