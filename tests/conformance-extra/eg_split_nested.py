# split() and subgroup() by exception type on nested groups: the nesting and the messages of
# every level are kept, groups left empty are dropped, leaves are the same objects; a type
# matching a nested group's own class takes that group whole; a type matching nothing gives
# None (and split's rest is a copy, not the group); a base class takes everything.
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

class MyGroup(ExceptionGroup):
    pass

v1, t1, v2, k1, v3 = ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k1"), ValueError("v3")
eg = ExceptionGroup("top", [
    v1,
    ExceptionGroup("mid", [t1, ExceptionGroup("deep", [v2, k1])]),
    MyGroup("mine", [v3]),
])
print("the group:")
tree(eg)
for label, match in [("ValueError", ValueError), ("TypeError", TypeError), ("LookupError", LookupError),
                     ("MyGroup", MyGroup), ("OSError", OSError), ("Exception", Exception)]:
    m, r = eg.split(match)
    print("split(%s):" % label)
    tree(m)
    tree(r)
    s = eg.subgroup(match)
    print("  subgroup is the match part:", (s is None and m is None) or (s is not None and str(s) == str(m)),
          "| match is eg:", m is eg, "| rest is eg:", r is eg)
m, r = eg.split(ValueError)
print("leaves are the same objects:", m.exceptions[0] is v1, m.exceptions[1].exceptions[0].exceptions[0] is v2,
      m.exceptions[2].exceptions[0] is v3, r.exceptions[0].exceptions[0] is t1)
print("types of the parts:", ename(m), ename(m.exceptions[2]), ename(eg.subgroup(MyGroup).exceptions[0]))
