# asyncio-task.rst's examples on a virtual clock (time.strftime('%X') becomes the loop's
# time): say_after awaited in turn, as Tasks and in a TaskGroup; display_date's loop;
# gather of factorials; the "Terminating a Task Group" recipe with except*; timeout(),
# timeout(None)+reschedule and timeout_at; wait_for(eternity()); wait() and as_completed.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def X(): return "%.3f" % loop.time()

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def display_date():
    end_time = loop.time() + 5.0
    while True:
        print(X())
        if (loop.time() + 1.0) >= end_time:
            break
        await asyncio.sleep(1)

async def factorial(name, number):
    f = 1
    for i in range(2, number + 1):
        print(f"Task {name}: Compute factorial({number}), currently i={i}...")
        await asyncio.sleep(1 + 0.01 * ord(name))
        f *= i
    print(f"Task {name}: factorial({number}) = {f}")
    return f

class TerminateTaskGroup(Exception):
    """Exception raised to terminate a task group."""

async def force_terminate_task_group():
    """Used to force termination of a task group."""
    raise TerminateTaskGroup()

async def job(task_id, sleep_time):
    print(f'Task {task_id}: start')
    await asyncio.sleep(sleep_time)
    print(f'Task {task_id}: done')

async def long_running_task():
    await asyncio.sleep(3600)

async def eternity():
    await asyncio.sleep(3600)
    print('yay!')

async def main():
    print(f"started at {X()}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished at {X()}")

    task1 = asyncio.create_task(say_after(1, 'hello'))
    task2 = asyncio.create_task(say_after(2.5, 'world'))
    print(f"started at {X()}")
    await task1
    await task2
    print(f"finished at {X()}")

    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(say_after(1, 'hello'))
        task2 = tg.create_task(say_after(2.5, 'world'))
        print(f"started at {X()}")
    print(f"finished at {X()}")

    await display_date()

    L = await asyncio.gather(
        factorial("A", 2),
        factorial("B", 3),
        factorial("C", 4),
    )
    print(L)

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job(1, 0.5))
            group.create_task(job(2, 1.5))
            await asyncio.sleep(1)
            group.create_task(force_terminate_task_group())
    except* TerminateTaskGroup:
        pass

    try:
        async with asyncio.timeout(10):
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")
    print("This statement will run regardless.", X())

    try:
        async with asyncio.timeout(None) as cm:
            new_deadline = asyncio.get_running_loop().time() + 10
            cm.reschedule(new_deadline)
            await long_running_task()
    except TimeoutError:
        pass
    if cm.expired():
        print("Looks like we haven't finished on time.", X())

    loop_ = asyncio.get_running_loop()
    deadline = loop_.time() + 20
    try:
        async with asyncio.timeout_at(deadline):
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.", X())
    print("This statement will run regardless.")

    try:
        await asyncio.wait_for(eternity(), timeout=1.0)
    except TimeoutError:
        print('timeout!', X())

    async def foo():
        return 42
    task = asyncio.create_task(foo())
    done, pending = await asyncio.wait({task})
    if task in done:
        print("Everything will work as expected now.", task.result())

    async def delayed(d, v):
        await asyncio.sleep(d)
        return v
    for coro in asyncio.as_completed([delayed(3, "three"), delayed(1, "one"), delayed(2, "two")], timeout=2.5):
        try:
            earliest_result = await coro
            print(earliest_result, X())
        except TimeoutError:
            print("as_completed timed out", X())
            break
    me = asyncio.current_task()
    others = [t for t in asyncio.all_tasks() if t is not me]
    print("tasks:", len(asyncio.all_tasks()), "others:", len(others))
    for t in others:
        t.cancel()
    await asyncio.sleep(0)
    print("left over cancelled:", [t.cancelled() for t in others])

loop.run_until_complete(main())
loop.close()
