# A predicate as the condition of split() and subgroup(): it is asked about the group itself
# first, then about each member, a nested group before its own members, depth first; a group
# for which it holds is taken whole (the same object), and a predicate that holds for the top
# group returns it as it is. When every leaf matches but no group does, the result is a copy.
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

def describe(e):
    return "group %s" % e.message if isinstance(e, BaseExceptionGroup) else fmt(e)

eg = ExceptionGroup("top", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")]), TypeError("d")])

asked = []
def never(e):
    asked.append(describe(e))
    return False
print("subgroup(never) ->", eg.subgroup(never))
print("asked:", asked)
asked = []
m, r = eg.split(never)
print("split(never) -> match", m, "rest is a copy:", r is not eg, str(r))
print("asked:", asked)

asked = []
def inner_group(e):
    asked.append(describe(e))
    return isinstance(e, ExceptionGroup) and e.message == "inner"
m, r = eg.split(inner_group)
print("split(the inner group):")
tree(m)
tree(r)
print("inner taken whole:", m.exceptions[0] is eg.exceptions[1], "asked:", asked)

print("subgroup(always) is eg:", eg.subgroup(lambda e: True) is eg)
m, r = eg.split(lambda e: True)
print("split(always): match is eg", m is eg, "rest", r)
leaves = eg.subgroup(lambda e: not isinstance(e, ExceptionGroup))
print("all leaves match: a copy", leaves is not eg, str(leaves))
tree(leaves)
vals = eg.subgroup(lambda e: isinstance(e, ValueError))
print("ValueErrors by predicate:")
tree(vals)
