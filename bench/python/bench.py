"""The workloads of bench/impl/*.mjs on CPython's asyncio or on uvloop; prints one JSON object.

    python3 bench.py asyncio [prefix...]   # asyncio on a virtual-time loop (vloop.py)
    python3 bench.py uvloop  [prefix...]   # uvloop: real time, only workloads that do not wait

asyncio runs every workload on the virtual clock. uvloop has no virtual clock, so it runs
the workloads that never wait (W1, W3.cancel, W4, W5) and the "all due" timer variants:
delays of 1..64 ms, scheduled in more than 64 ms, so every timer is due when the loop
starts; the time spent sleeping (if scheduling was quicker) is not counted. asyncio's own
selector loop could run those variants too (fresh(real=True)); they are left out of the
default run to keep `npm run bench` under five minutes.

Repetitions: the million-operation workloads run with no warm-up run: CPython has no JIT
to warm up (3.12's specializing interpreter adapts within the first thousand iterations of a
run). W1, W3.cancel and W5.switch run three times; asyncio's W2.once and W3.half, 10-20 s
each, run once to keep `npm run bench` under five minutes.
"""
import asyncio
import gc
import json
import os
import sys
import time
import tracemalloc

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import params as P  # noqa: E402
from vloop import VirtualLoop  # noqa: E402

MASK = (1 << 20) - 1
DELAYS = [P.delay_of(i) for i in range(MASK + 1)]
# "all due": 1..64 ms, in the same pseudo-random order
DUE_DELAYS = [((P.perm20(i) & 63) + 1) / 1000 for i in range(P.W2_N)]
DUE_MAX = 0.065
SHORT_DELAYS = [P.short_delay_of(i) for i in range(MASK + 1)]


def summarize(times_ns, ops):
    s = sorted(times_ns)
    mid = len(s) // 2
    median = s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
    return {"value": median / ops, "unit": "ns", "min": s[0] / ops, "max": s[-1] / ops, "reps": len(s), "ops": ops}


def measure(ops, run, setup=lambda: None, check=None, reps=3, warmup=1):
    """Warm-up, then `reps` timed runs on fresh state; median ns per op. run(state) may
    return a number of nanoseconds to leave out (a sleep until timers are due)."""
    times = []
    for r in range(-warmup, reps):
        state = setup()
        gc.collect()
        t0 = time.perf_counter_ns()
        excluded = run(state) or 0
        dt = time.perf_counter_ns() - t0 - excluded
        if check:
            check(state)
        if r >= 0:
            times.append(dt)
    return summarize(times, ops)


def expect(what, got, want):
    if got != want:
        raise AssertionError("bench check failed: %s = %r, expected %r" % (what, got, want))


def wait_until_due(loop, start):
    """Sleeps until every 'all due' timer is due; returns the ns slept (not counted)."""
    left = start + DUE_MAX - time.monotonic()
    if left <= 0:
        return 0
    t0 = time.perf_counter_ns()
    time.sleep(left)
    return time.perf_counter_ns() - t0


class Bench:
    def __init__(self, kind):
        self.kind = kind
        if kind == "uvloop":
            import uvloop

            self.new_loop = uvloop.new_event_loop
        else:
            self.new_loop = VirtualLoop
        self.real_loop = asyncio.new_event_loop if kind == "asyncio" else self.new_loop
        self.count = 0

    def tick(self):
        self.count += 1

    def fresh(self, real=False):
        self.count = 0
        loop = (self.real_loop if real else self.new_loop)()
        asyncio.set_event_loop(loop)
        return loop

    @staticmethod
    def run_one_iteration(loop):
        loop.call_soon(loop.stop)
        loop.run_forever()

    # ---- W1

    def w1_once(self):
        n = P.W1_N

        def run(loop):
            tick = self.tick
            for _ in range(n):
                loop.call_soon(tick)
            self.run_one_iteration(loop)

        return measure(n, run, self.fresh, lambda loop: (expect("callbacks run", self.count, n), loop.close()), warmup=0)

    def w1_steady(self):
        b, k = P.W1_BATCHES, P.W1_BATCH

        def run(loop):
            tick = self.tick
            stop = loop.stop
            for _ in range(b):
                for _ in range(k):
                    loop.call_soon(tick)
                loop.call_soon(stop)
                loop.run_forever()

        return measure(b * k, run, self.fresh, lambda loop: (expect("callbacks run", self.count, b * k), loop.close()), warmup=0)

    # ---- W2

    def _until(self, loop, target):
        fut = loop.create_future()

        def fire():
            self.count += 1
            if self.count == target:
                fut.set_result(None)

        return fut, fire

    def w2_once(self):
        n = P.W2_N

        def setup():
            loop = self.fresh()
            return (loop,) + self._until(loop, n)

        def run(s):
            loop, fut, fire = s
            call_later = loop.call_later
            for i in range(n):
                call_later(DELAYS[i], fire)
            loop.run_until_complete(fut)

        return measure(n, run, setup, lambda s: (expect("timers fired", self.count, n), s[0].close()), reps=1, warmup=0)

    def w2_due(self):
        n = P.W2_N

        def setup():
            loop = self.fresh(real=True)
            return (loop,) + self._until(loop, n)

        def run(s):
            loop, fut, fire = s
            start = time.monotonic()
            call_later = loop.call_later
            for i in range(n):
                call_later(DUE_DELAYS[i], fire)
            slept = wait_until_due(loop, start)
            loop.run_until_complete(fut)
            return slept

        return measure(n, run, setup, lambda s: (expect("timers fired", self.count, n), s[0].close()), warmup=0)

    def w2_steady(self, n):
        """Filled once (untimed); the warm-up run lets the heap settle, then each run fires
        PY_FIRINGS more, each firing scheduling one more timer."""
        firings = P.PY_FIRINGS
        st = {}

        def setup():
            if not st:
                loop = self.fresh()
                j = [n]

                def fire():
                    self.count += 1
                    if self.count == st["target"]:
                        st["fut"].set_result(None)
                    loop.call_later(DELAYS[j[0] & MASK], fire)
                    j[0] += 1

                for i in range(n):
                    loop.call_later(DELAYS[i], fire)
                st["loop"] = loop
            st["target"] = self.count + firings
            st["fut"] = st["loop"].create_future()
            return st

        def run(s):
            s["loop"].run_until_complete(s["fut"])

        def check(s):
            expect("timers fired (ties may add one or two)", s["target"] <= self.count <= s["target"] + 10, True)

        r = measure(firings, run, setup, check)
        st["loop"].close()
        return r

    # ---- W3

    def w3_cancel(self):
        n = P.W3_N

        def run(loop):
            call_later = loop.call_later
            tick = self.tick
            handles = [call_later(DELAYS[i], tick) for i in range(n)]
            for h in handles:
                h.cancel()
            self.run_one_iteration(loop)

        return measure(n, run, self.fresh, lambda loop: (expect("fired", self.count, 0), loop.close()), warmup=0)

    def w3_half(self):
        n = P.W3_N

        def setup():
            loop = self.fresh()
            return (loop,) + self._until(loop, n // 2)

        def run(s):
            loop, fut, fire = s
            call_later = loop.call_later
            handles = [call_later(DELAYS[i], fire) for i in range(n)]
            for i in range(0, n, 2):
                handles[i].cancel()
            loop.run_until_complete(fut)

        return measure(n, run, setup, lambda s: (expect("timers fired", self.count, n // 2), s[0].close()), reps=1, warmup=0)

    # ---- W4

    def w4_bytes(self):
        n = P.W4_N
        samples = []
        for _ in range(1):  # deterministic, and tracemalloc makes each sample slow
            loop = self.fresh()
            tick = self.tick
            gc.collect()
            tracemalloc.start()
            before = tracemalloc.get_traced_memory()[0]
            for i in range(n):
                loop.call_later(DELAYS[i], tick)
            gc.collect()
            after = tracemalloc.get_traced_memory()[0]
            tracemalloc.stop()
            samples.append((after - before) / n)
            loop.close()
        return {"value": samples[0], "unit": "B", "reps": len(samples), "ops": n}

    # ---- W5

    def w5_switch(self):
        n = P.W5_SWITCHES

        async def worker(k):
            for _ in range(k):
                await asyncio.sleep(0)

        def run(loop):
            loop.create_task(worker(n // 2))
            loop.run_until_complete(loop.create_task(worker(n // 2)))

        return measure(n, run, self.fresh, lambda loop: loop.close(), warmup=0)

    def w5_tasks(self):
        return self.create_finish(P.W5_TASKS)

    def w5_wait(self):
        """create + wait once on a Future + finish: every task waits, then every Future completes"""
        return self.wait_once_rounds(P.W5_WAIT)

    def w5_tasks1k(self):
        """W5.tasks with the same 100k tasks made and finished 1,000 at a time"""
        return self.create_finish(P.W5_BATCH)

    def w5_wait1k(self):
        """W5.wait with the same 100k tasks made and finished 1,000 at a time"""
        return self.wait_once_rounds(P.W5_BATCH)

    def create_finish(self, batch):
        n = P.W5_TASKS

        async def tiny():
            return 1

        def run(s):
            loop = s[0]
            create_task = loop.create_task
            for _ in range(n // batch):
                t = None
                for _ in range(batch):
                    t = create_task(tiny())
                s[1] = loop.run_until_complete(t)

        return measure(n, run, lambda: [self.fresh(), None], lambda s: (expect("last result", s[1], 1), s[0].close()), reps=5)

    def wait_once_rounds(self, batch):
        n = P.W5_WAIT

        async def wait_once(f):
            return await f

        def run(s):
            loop = s[0]
            create_task = loop.create_task
            create_future = loop.create_future
            futs = [None] * batch
            for _ in range(n // batch):
                t = None
                for i in range(batch):
                    f = create_future()
                    futs[i] = f
                    t = create_task(wait_once(f))
                self.run_one_iteration(loop)  # every task now waits on its Future
                for i in range(batch):
                    futs[i].set_result(i)
                s[1] = loop.run_until_complete(t)

        return measure(n, run, lambda: [self.fresh(), None], lambda s: (expect("last result", s[1], batch - 1), s[0].close()), reps=5)

    def w5_server(self):
        """100k tasks, each sleeping 100 short delays (1-100 ms) one after another"""
        tasks, sleeps = P.W5_SERVER_TASKS, P.W5_SERVER_SLEEPS
        st = {}

        async def server_task(i):
            k = i * sleeps
            for _ in range(sleeps):
                await asyncio.sleep(SHORT_DELAYS[k & MASK])
                k += 1
            st["finished"] += 1
            if st["finished"] == tasks:
                st["fut"].set_result(None)

        def setup():
            loop = self.fresh()
            st["finished"] = 0
            st["fut"] = loop.create_future()
            return loop

        def run(loop):
            create_task = loop.create_task
            for i in range(tasks):
                create_task(server_task(i))
            loop.run_until_complete(st["fut"])

        return measure(tasks * sleeps, run, setup, lambda loop: (expect("tasks finished", st["finished"], tasks), loop.close()), reps=1, warmup=0)

    # ---- W6

    def w6_bytes(self):
        """bytes per pending task asleep in `await asyncio.sleep(d)` (tracemalloc)"""
        n = P.W6_N

        async def sleeper(i):
            await asyncio.sleep(10_000 + DELAYS[i])

        loop = self.fresh()
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for i in range(n):
            loop.create_task(sleeper(i))
        self.run_one_iteration(loop)  # every task is now asleep
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        pending = asyncio.all_tasks(loop)
        expect("sleeping tasks", len(pending), n)
        for t in pending:
            t.cancel()
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.close()
        return {"value": (after - before) / n, "unit": "B", "reps": 1, "ops": n}

    def w5_gather(self):
        n = P.W5_GATHER

        async def tiny():
            return 1

        async def main():
            return await asyncio.gather(*[tiny() for _ in range(n)])

        def run(s):
            s[1] = s[0].run_until_complete(main())

        return measure(n, run, lambda: [self.fresh(), None], lambda s: (expect("results", len(s[1]), n), s[0].close()), reps=9, warmup=2)


def workloads(b):
    w = {
        "W1.once": b.w1_once,
        "W1.steady": b.w1_steady,
        "W2.once": b.w2_once,
        "W2.due": b.w2_due,
    }
    for n in P.W2_SWEEP:
        w["W2.steady.%d" % n] = (lambda n=n: b.w2_steady(n))
    w.update({
        "W3.cancel": b.w3_cancel,
        "W3.half": b.w3_half,
        "W4.bytes": b.w4_bytes,
        "W5.switch": b.w5_switch,
        "W5.tasks": b.w5_tasks,
        "W5.gather": b.w5_gather,
        "W5.wait": b.w5_wait,
        "W5.tasks1k": b.w5_tasks1k,
        "W5.wait1k": b.w5_wait1k,
        "W5.server": b.w5_server,
        "W6.bytes": b.w6_bytes,
    })
    if b.kind == "uvloop":
        for k in [k for k in w if k.startswith("W2.steady") or k in ("W2.once", "W3.half", "W5.server")]:
            del w[k]
    else:
        del w["W2.due"]
    return w


NOTES = {
    "uvloop": {
        "W2.once": "uvloop has no virtual clock: see the 'all due' row",
        "W2.steady.*": "uvloop has no virtual clock: a steady state of future timers would wait in real time",
        "W3.half": "uvloop has no virtual clock (W3.cancel never waits)",
        "W5.server": "uvloop has no virtual clock: the sleeps would take real time",
        "W4.bytes": "tracemalloc: Python objects and libuv's uv_timer_t (PyMem_RawMalloc)",
    },
    "asyncio": {
        "W4.bytes": "tracemalloc: the TimerHandle and its slot in the heap list",
        "W1, W3.cancel, W5.switch": "three runs, no warm-up run (no JIT to warm up)",
        "W2.once, W3.half, W5.server": "one run each (10-60 s per run here), no warm-up run",
        "W6.bytes": "tracemalloc: the Task, its coroutine, the sleep's Future and TimerHandle, the heap slot",
    },
}


def main():
    kind = sys.argv[1]
    only = sys.argv[2:]
    b = Bench(kind)
    results = {}
    for wid, fn in workloads(b).items():
        if only and not any(wid.startswith(p) for p in only):
            continue
        t0 = time.time()
        results[wid] = fn()
        sys.stderr.write("  %s %s: %.1f %s/op (%.1f s)\n" % (kind, wid, results[wid]["value"], results[wid]["unit"], time.time() - t0))
    print(json.dumps({"impl": kind, "variant": "", "python": sys.version.split()[0], "results": results, "notes": NOTES.get(kind, {})}))


if __name__ == "__main__":
    main()
