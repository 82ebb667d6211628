# Deep nesting: four levels, split by a predicate on the leaves' messages. Groups left empty
# vanish at every level, a level left with one member keeps its own group around it, and a
# nested group nothing in which matched is still copied into the rest (a new object with the
# same message), while one the predicate takes whole stays the same object.
import asyncio
from vloop import VirtualLoop, fmt, ename

def tree(e, ind="  "):
    if e is None:
        print(ind + "None")
    elif isinstance(e, BaseExceptionGroup):
        print(ind + "%s(%r) [%d]" % (ename(e), e.message, len(e.exceptions)))
        for x in e.exceptions:
            tree(x, ind + "  ")
    else:
        print(ind + fmt(e))

untouched = ExceptionGroup("untouched", [TypeError("x1"), TypeError("x2")])
eg = ExceptionGroup("L1", [
    ValueError("keep-1"),
    ExceptionGroup("L2a", [
        ExceptionGroup("L3", [ExceptionGroup("L4", [ValueError("keep-4")]), TypeError("drop-3")]),
        TypeError("drop-2"),
    ]),
    untouched,
    ExceptionGroup("L2b", [ValueError("keep-2b"), ValueError("keep-2b'")]),
])
keep = lambda e: not isinstance(e, ExceptionGroup) and e.args[0].startswith("keep")
m, r = eg.split(keep)
print("kept:")
tree(m)
print("rest:")
tree(r)
print("untouched copied into the rest:", r.exceptions[1] is not untouched, r.exceptions[1].message)
whole = eg.split(lambda e: isinstance(e, ExceptionGroup) and e.message == "untouched")[0]
print("taken whole is the same object:", whole.exceptions[0] is untouched)
print("drop everything:", eg.subgroup(lambda e: False), "| keep L2b only:")
tree(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "L2b"))
