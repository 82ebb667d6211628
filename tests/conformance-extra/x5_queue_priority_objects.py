# PriorityQueue with items that order themselves: the queue module docs' PrioritizedItem
# (a dataclass with order=True whose payload does not take part in comparisons), so equal
# priorities come out in heap order and payloads that cannot be compared never are;
# (datetime, job) tuples ordered by time; a class with only __gt__, compared reflectedly;
# an item that cannot be compared with the others is a TypeError.
import asyncio
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)


@dataclass(order=True)
class PrioritizedItem:
    priority: int
    item: Any = field(compare=False)


class Big:
    """Greater than everything else."""

    def __init__(self, name):
        self.name = name

    def __gt__(self, other):
        return not isinstance(other, Big)


def at(h):
    return datetime(2024, 1, 1, h, tzinfo=timezone.utc)


async def main():
    q = asyncio.PriorityQueue()
    for prio, payload in [(3, {"job": "c"}), (1, {"job": "a"}), (2, ["b"]), (1, {"job": "a2"}), (0, None)]:
        await q.put(PrioritizedItem(prio, payload))
    while not q.empty():
        it = await q.get()
        print("PrioritizedItem", it.priority, it.item)

    q = asyncio.PriorityQueue()
    for h, job in [(9, "standup"), (7, "coffee"), (12, "lunch"), (7, "alarm")]:
        q.put_nowait((at(h), job))
    print("by time:", [(d.hour, job) for d, job in (q.get_nowait() for _ in range(q.qsize()))])

    q = asyncio.PriorityQueue()
    for v in [Big("x"), 5, 1]:
        q.put_nowait(v)
    out = []
    while not q.empty():
        v = q.get_nowait()
        out.append(v.name if isinstance(v, Big) else v)
    print("reflected __gt__:", out)

    q = asyncio.PriorityQueue()
    q.put_nowait(PrioritizedItem(1, "x"))
    try:
        q.put_nowait(7)
    except TypeError as e:
        print("TypeError:", e)


loop.run_until_complete(main())
loop.close()
