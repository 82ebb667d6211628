// The I/O layer's public API (src/io): what "wasmloop/io" exports besides installing the layer. Only re-exports.
export { ThreadPoolExecutor, BrokenExecutor, type ThreadPoolExecutorOptions, type Executor } from "./io/thread-pool-executor.js";
export { ExecutorFuture } from "./io/executor-future.js";
export { wrapFuture } from "./io/wrap-future.js";
export { toThread } from "./io/to-thread.js";
export { moduleFunction, type ModuleFunction } from "./io/work.js";
export type { SpawnWorker, WorkerScript, WorkerEvents, WorkerPort } from "./io/threads.js";
export {
  OSError,
  ConnectionError,
  ConnectionRefusedError,
  ConnectionResetError,
  ConnectionAbortedError,
  BrokenPipeError,
  FileNotFoundError,
  PermissionError,
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
  type AnyProtocol,
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
export { ProcessLookupError } from "./exceptions.js";
export {
  createSubprocessExec,
  createSubprocessShell,
  Process,
  SubprocessStreamProtocol,
  PIPE,
  STDOUT,
  DEVNULL,
  type CreateSubprocessOptions,
} from "./io/subprocess.js";
export type { SubprocessOptions, StdioOption } from "./io/subprocess-transport.js";
export {
  setConnect,
  type SocketConnect,
  type ConnectSocket,
  type ConnectSocketInfo,
  type ConnectSocketOptions,
} from "./io/hosts/socket-connect.js";
