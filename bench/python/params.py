"""Mirror of bench/lib/params.mjs: the same sizes and the same pseudo-random delays."""

W1_N = 1_000_000
W1_BATCH = 1_000
W1_BATCHES = 1_000
W2_N = 1_000_000
W2_SWEEP = [100, 1_000, 10_000, 100_000, 1_000_000]
W2_FIRINGS = 200_000
# CPython is 10-20x slower per firing: fewer firings keep `npm run bench` under 5 minutes
PY_FIRINGS = 50_000
W3_N = 1_000_000
W4_N = 100_000
W5_SWITCHES = 1_000_000
W5_TASKS = 100_000
W5_GATHER = 10_000
W5_WAIT = 100_000
W5_BATCH = 1_000
W5_SERVER_TASKS = 100_000
W5_SERVER_SLEEPS = 100
W6_N = 100_000

MASK20 = (1 << 20) - 1


def perm20(i):
    """A bijection on 0 .. 2**20 - 1: the first 2**20 delays are distinct."""
    x = i & MASK20
    x ^= x >> 10
    x = (x * (0x2C1B3C6D | 1)) & MASK20
    x ^= x >> 9
    x = (x * 0x297A2D39) & MASK20
    x ^= x >> 11
    return x


def delay_of(i):
    """The i-th delay in seconds: 1 ms .. 1048.576 s."""
    return (perm20(i) + 1) / 1000


def short_delay_of(i):
    """The server mix's i-th delay: 1..100 ms."""
    return ((perm20(i) % 100) + 1) / 1000
