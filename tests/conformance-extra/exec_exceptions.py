# Exceptions raised in the executor's thread come out of the awaited Future with their class
# and message: ValueError, TypeError, RuntimeError, an application's own exception class, and
# one raised from another (its __cause__). The Future keeps the very exception it raised;
# the default executor goes on working afterwards.
import asyncio
from vloop import fmt


class AppError(Exception):
    pass


def check_positive(x):
    if x <= 0:
        raise ValueError("x must be positive, got %d" % x)
    return x


def need_text(x):
    if not isinstance(x, str):
        raise TypeError("expected text, got a number")
    return x


def stop(reason):
    raise RuntimeError(reason)


def fail_app(code):
    raise AppError("application failed with code %d" % code)


def parse(text):
    try:
        raise ValueError("invalid literal: %r" % text)
    except ValueError as inner:
        raise AppError("cannot parse") from inner


async def main():
    loop = asyncio.get_running_loop()
    calls = [(check_positive, 5), (check_positive, -2), (need_text, 3), (stop, "halt"), (fail_app, 7), (parse, "x")]
    for func, arg in calls:
        fut = loop.run_in_executor(None, func, arg)
        try:
            print(func.__name__, "returned", fmt(await fut))
        except Exception as e:
            print(func.__name__, "raised", fmt(e))
            print("  the Future's exception is it:", fut.exception() is e, "done:", fut.done(), "cancelled:", fut.cancelled())
            if e.__cause__ is not None:
                print("  caused by", fmt(e.__cause__))
    print("still working:", await loop.run_in_executor(None, check_positive, 1))


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
