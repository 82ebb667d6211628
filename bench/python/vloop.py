"""A virtual-time asyncio loop for benchmarks: time() starts at 0 and, when nothing is
ready, jumps straight to the earliest timer, so no workload ever waits.

The idea of /work/shared/conformance/vloop.py, with one change: the jump lands exactly on
the earliest deadline (adding the select timeout to the clock can fall a rounding error
short of it and cost an extra, empty iteration).
"""
import asyncio
import selectors


class _VirtualSelector(selectors.DefaultSelector):
    def __init__(self, loop_ref):
        super().__init__()
        self._loop_ref = loop_ref

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("virtual loop idle forever")
        if timeout > 0:
            loop = self._loop_ref[0]
            # _run_once computed timeout from the earliest live timer, capped at a day
            loop._vt = min(loop._scheduled[0]._when, loop._vt + timeout)
        return []


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        ref = [None]
        super().__init__(_VirtualSelector(ref))
        ref[0] = self
        self._vt = 0.0
        self._clock_resolution = 1e-9

    def time(self):
        return self._vt
