// The public API, shared by every entry (index.ts, workers.ts). Only re-exports.
export { EventLoop, type EventLoopOptions, type ExceptionContext, type ExceptionHandler } from "./loop.js";
export { Handle, TimerHandle } from "./handles.js";
export { getEventLoop, getRunningLoop, setEventLoop, newEventLoop } from "./events.js";
export { Future, isFuture, type Awaitable, type DoneCallback } from "./futures.js";
export { Task, currentTask, allTasks } from "./tasks.js";
export { ensureFuture } from "./ensure-future.js";
export { sleep } from "./sleep.js";
export { isCoroutine, isCoroutineFunction } from "./coroutines.js";
export { CancelledError, InvalidStateError, TimeoutError, RuntimeError } from "./exceptions.js";
export { setSchedulerModule } from "./core/wasm.js";
export type { HostCapabilities } from "./host.js";
export { gather, type GatherOptions, type GatherResults, type AwaitedValue } from "./gather.js";
export { wait, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, type ReturnWhen, type WaitOptions } from "./wait.js";
export { waitFor } from "./wait-for.js";
export { shield } from "./shield.js";
export { asCompleted } from "./as-completed.js";
export { runCoroutineThreadsafe, type ConcurrentFuture } from "./run-coroutine-threadsafe.js";
export { Loop, type LoopOptions } from "./cl-loop.js";
export { asyncWith, type AsyncContextManager } from "./async-with.js";
export {
  OSError,
  ConnectionError,
  ConnectionRefusedError,
  ConnectionResetError,
  ConnectionAbortedError,
  BrokenPipeError,
  FileNotFoundError,
  PermissionError,
  NotImplementedError,
  IncompleteReadError,
  LimitOverrunError,
  SSLError,
  SSLCertVerificationError,
} from "./exceptions.js";
export {
  BaseProtocol,
  Protocol,
  BufferedProtocol,
  SubprocessProtocol,
  type BaseProtocolLike,
  type ProtocolLike,
  type BufferedProtocolLike,
  type SubprocessProtocolLike,
} from "./io/protocols.js";
export {
  BaseTransport,
  ReadTransport,
  WriteTransport,
  Transport,
  SubprocessTransport,
  FlowControlTransport,
} from "./io/transports.js";
export {
  StreamReader,
  StreamWriter,
  StreamReaderProtocol,
  FlowControlMixin,
  type ClientConnectedCallback,
} from "./io/streams.js";
export {
  openConnection,
  startServer,
  openUnixConnection,
  startUnixServer,
  type OpenConnectionOptions,
  type StartServerOptions,
} from "./io/streams.js";
export { Server, type SocketInfo } from "./io/server.js";
export type { CreateConnectionOptions, CreateServerOptions } from "./io/connections.js";
export type {
  IoHost,
  HostConnection,
  HostListener,
  ConnectionSink,
  ConnectRequest,
  ListenRequest,
  SocketAddress,
  TlsOptions,
} from "./io/hosts/host.js";
export { MemoryNetwork, MemorySocket, type MemoryNetworkOptions } from "./io/hosts/memory.js";
