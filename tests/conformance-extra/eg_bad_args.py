# Bad arguments to ExceptionGroup and to split()/subgroup(): a message that is not a string, an
# exceptions argument that is no sequence, an empty one, a member that is not an exception
# (None); a condition that is neither an exception class nor a function (a number, a string,
# an exception instance, a class that is not an exception). Only error classes are printed
# (asyncio's ValueError is RangeError here); the group is still usable afterwards.
import asyncio
from vloop import VirtualLoop, fmt, ename

RANGE = {"ValueError": "RangeError"}

def attempt(tag, call):
    try:
        r = call()
        print(tag, "-> no error:", r)
    except (TypeError, ValueError) as e:
        print(tag, "->", RANGE.get(ename(e), ename(e)))

class NotAnError:
    pass

attempt("message 1", lambda: ExceptionGroup(1, [ValueError("x")]))
attempt("message None", lambda: ExceptionGroup(None, [ValueError("x")]))
attempt("exceptions 5", lambda: ExceptionGroup("m", 5))
attempt("exceptions None", lambda: ExceptionGroup("m", None))
attempt("exceptions []", lambda: ExceptionGroup("m", []))
attempt("exceptions [None]", lambda: ExceptionGroup("m", [None]))
attempt("exceptions [ValueError, None]", lambda: ExceptionGroup("m", [ValueError("x"), None]))
eg = ExceptionGroup("eg", [ValueError("v"), TypeError("t")])
for label, bad in [("5", 5), ("'ValueError'", "ValueError"), ("an instance", ValueError("i")),
                   ("a class that is no exception", NotAnError), ("None", None)]:
    attempt("split(%s)" % label, lambda: eg.split(bad))
    attempt("subgroup(%s)" % label, lambda: eg.subgroup(bad))
print("still usable:", str(eg.subgroup(TypeError)), str(eg.split(ValueError)[1]), str(eg))
