# ExceptionGroup's fields: str() is the message with the count of sub-exceptions ("1
# sub-exception", "3 sub-exceptions"), message is bare, exceptions holds the very objects in
# order, a group is an Exception and can be nested; the empty message.
import asyncio
from vloop import VirtualLoop, fmt, ename

a, b, c = ValueError("a"), TypeError("b"), ValueError("c")
eg = ExceptionGroup("three", [a, b, c])
print("str:", str(eg))
print("message:", repr(eg.message))
print("len:", len(eg.exceptions), "same objects:", eg.exceptions[0] is a, eg.exceptions[1] is b, eg.exceptions[2] is c)
print("is an Exception:", isinstance(eg, Exception), "is an ExceptionGroup:", isinstance(eg, ExceptionGroup))
one = ExceptionGroup("one", [a])
print("one:", str(one))
outer = ExceptionGroup("outer", [one, eg])
print("outer:", str(outer), "inner kept:", outer.exceptions[0] is one, outer.exceptions[1] is eg)
print("empty message:", repr(str(ExceptionGroup("", [a]))))
print("name:", ename(eg), "with its name:", fmt(eg))
