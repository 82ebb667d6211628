# set_default_executor() takes a ThreadPoolExecutor (anything else: TypeError), and
# run_until_complete() takes a run_in_executor Future directly. close() shuts the default
# executor down without waiting: the executor then refuses new work, and run_in_executor on
# the closed loop raises RuntimeError, with the default executor or an explicit one.
import asyncio
import concurrent.futures
from vloop import fmt, ename


def square(x):
    return x * x


loop = asyncio.new_event_loop()
try:
    loop.set_default_executor(object())
except TypeError as e:
    print("set_default_executor(object()):", ename(e))
pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
loop.set_default_executor(pool)
print("run_until_complete:", loop.run_until_complete(loop.run_in_executor(None, square, 3)))
fut = loop.run_in_executor(None, square, 4)
print("awaited by run_until_complete:", loop.run_until_complete(fut), fut.done())
loop.close()
print("closed")
try:
    pool.submit(square, 2)
except RuntimeError as e:
    print("submit after close:", fmt(e))
try:
    loop.run_in_executor(None, square, 2)
except RuntimeError as e:
    print("run_in_executor(None) after close:", fmt(e))
other = concurrent.futures.ThreadPoolExecutor(max_workers=1)
try:
    loop.run_in_executor(other, square, 2)
except RuntimeError as e:
    print("run_in_executor(other) after close:", fmt(e))
other.shutdown()
loop.close()
print("close() again: fine")
