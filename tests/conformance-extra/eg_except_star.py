# except* written with split() (API.md rule 7): each clause takes the part of what is left
# that matches its type, in clause order; what no clause takes is raised again as a group
# keeping the original nesting; a lone exception (not a group) is seen by the clause wrapped
# in a group with an empty message; a group fully handled raises nothing.
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

def handle(label, exc):
    print(label + ":")
    try:
        try:
            raise exc
        except* ValueError as e:
            print("  ValueError clause:", str(e))
            tree(e, "    ")
        except* (TypeError, KeyError) as e:
            print("  TypeError/KeyError clause:", str(e))
            tree(e, "    ")
        print("  all handled")
    except BaseException as rest:
        print("  re-raised:", ename(rest))
        tree(rest, "    ")

handle("mixed", ExceptionGroup("mixed", [ValueError("v1"), TypeError("t1"),
    ExceptionGroup("inner", [ValueError("v2"), OSError("o1"), KeyError("k1")]), OSError("o2")]))
handle("only handled ones", ExceptionGroup("handled", [ValueError("v"), TypeError("t")]))
handle("a lone ValueError", ValueError("lone"))
handle("a lone OSError", OSError("lone os"))
