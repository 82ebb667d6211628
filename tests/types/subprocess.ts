// Typed fixtures for subprocesses and pipes: Process's streams are nullable, communicate()
// gives a pair of nullable bytes, the loop-level calls give the transport's abstract type and
// the protocol the factory makes, and options are checked.
import {
  EventLoop,
  PIPE,
  Process,
  Protocol,
  ReadTransport,
  STDOUT,
  StreamReader,
  StreamReaderProtocol,
  StreamWriter,
  SubprocessProtocol,
  SubprocessTransport,
  WriteTransport,
  createSubprocessExec,
  createSubprocessShell,
} from "../../src/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

class Counter extends SubprocessProtocol {
  bytes = 0;
  override pipeDataReceived(_fd: number, data: Uint8Array): void {
    this.bytes += data.length;
  }
}

function* main(loop: EventLoop, stream: ReadableStream<Uint8Array>, sink: WritableStream<Uint8Array>) {
  const proc = yield* createSubprocessExec("ls", "-l", { stdout: PIPE, stderr: STDOUT, cwd: "/", limit: 1024 });
  assertType<Equal<typeof proc, Process>>();
  assertType<Equal<typeof proc.stdout, StreamReader | null>>();
  assertType<Equal<typeof proc.stdin, StreamWriter | null>>();
  assertType<Equal<typeof proc.returncode, number | null>>();
  const [out, err] = yield* proc.communicate("input");
  assertType<Equal<typeof out, Uint8Array | null>>();
  assertType<Equal<typeof err, Uint8Array | null>>();
  const rc = yield* proc.wait();
  assertType<Equal<typeof rc, number>>();
  proc.sendSignal("SIGHUP");
  proc.sendSignal(1);
  // @ts-expect-error a signal is a name or a number
  proc.sendSignal(true);
  // @ts-expect-error an unknown option
  createSubprocessShell("ls", { stdot: PIPE });
  // @ts-expect-error env values are strings
  createSubprocessShell("ls", { env: { A: 1 } });

  const [transport, protocol] = yield* loop.subprocessExec(() => new Counter(), "ls", { stdin: null });
  assertType<Equal<typeof transport, SubprocessTransport>>();
  assertType<Equal<typeof protocol, Counter>>();
  const pid: number = transport.getPid();
  void pid;

  const reader = new StreamReader();
  const [rt, rp] = yield* loop.connectReadPipe(() => new StreamReaderProtocol(reader), stream);
  assertType<Equal<typeof rt, ReadTransport>>();
  assertType<Equal<typeof rp, StreamReaderProtocol>>();
  rt.pauseReading();
  const [wt] = yield* loop.connectWritePipe(() => new Protocol(), sink);
  assertType<Equal<typeof wt, WriteTransport>>();
  wt.write("text");
  wt.writeEof();
}
void main;
