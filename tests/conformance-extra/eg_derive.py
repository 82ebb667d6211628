# Copies made by split() and subgroup(): each part of a group is made by the group's derive(),
# so a subclass without derive() gives plain ExceptionGroups, and one that overrides it keeps
# its class and its extra fields; every part keeps the message and the __cause__ of the group
# it was made from; a derive() that returns something else than a group is a TypeError.
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

class Plain(ExceptionGroup):
    pass

class Tagged(ExceptionGroup):
    def __new__(cls, message, excs, tag):
        self = super().__new__(cls, message, excs)
        self.tag = tag
        return self

    def derive(self, excs):
        return Tagged(self.message, excs, self.tag)

class Broken(ExceptionGroup):
    def derive(self, excs):
        return 42

cause = OSError("root cause")
try:
    raise Plain("plain", [ValueError("v"), TypeError("t")]) from cause
except Plain as e:
    plain = e
m, r = plain.split(ValueError)
print("Plain parts:", ename(m), ename(r), "messages", m.message, r.message)
print("cause kept:", m.__cause__ is cause, r.__cause__ is cause)

inner = Tagged("inner", [ValueError("v2"), TypeError("t2")], "in")
tagged = Tagged("outer", [ValueError("v1"), inner], "out")
m, r = tagged.split(ValueError)
print("Tagged parts:", ename(m), m.tag, ename(m.exceptions[1]), m.exceptions[1].tag)
tree(m)
tree(r)
try:
    Broken("broken", [ValueError("v"), TypeError("t")]).split(ValueError)
except TypeError as e:
    print("derive returning 42 ->", ename(e))
try:
    Broken("b", [ValueError("v")]).subgroup(ValueError)
except TypeError as e:
    print("every leaf matching still derives ->", ename(e))
print("the group itself matching needs no derive():", Broken("b", [ValueError("v")]).subgroup(Broken) is not None)
