// A plugin: a script the host evaluates inside an SES compartment. Its endowments are the
// wasmloop namespace, the host's clock (`hostNow`, in ms) and `log`; nothing else.
(() => {
  const { EventLoop, sleep, gather } = wasmloop;
  // The host owns the clock: the loop reads time through it and never arms a host timer.
  const loop = new EventLoop({ host: { now: hostNow } });

  function* blink(name, period, times) {
    for (let i = 0; i < times; i++) {
      log(`${name} on at t=${loop.time().toFixed(3)}`);
      yield* sleep(period);
    }
    return name;
  }

  function* main() {
    const names = yield* gather(blink("A", 0.1, 3), blink("B", 0.25, 2));
    log(`plugin done (${names.join(", ")}) at t=${loop.time().toFixed(3)}`);
  }

  return { loop, done: loop.createTask(main()) };
})();
