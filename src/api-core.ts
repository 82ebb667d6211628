// The asyncio layer's public API, without the I/O layer: what "wasmloop/lite" exports. Only re-exports.
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
export { ExceptionGroup, type ErrorClass, type ExceptionMatcher } from "./exception-group.js";
export { Timeout, timeout, timeoutAt } from "./timeouts.js";
export { TaskGroup, type TaskGroupTaskOptions } from "./taskgroups.js";
export { Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier } from "./locks.js";
export { BrokenBarrierError } from "./exceptions.js";
export { Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull, QueueShutDown } from "./queues.js";
export type { SchedulerCore } from "./core/wasm.js";
export { ContextVar, Context, Token, copyContext } from "./contextvars.js";
export {
  createTask, eagerTaskFactory, createEagerTaskFactory, type TaskOptions, type TaskFactory, type TaskFactoryOptions,
} from "./tasks.js";
export type { CreateTaskOptions, CallOptions } from "./loop.js";
export { LookupError } from "./exceptions.js";
export { run, Runner, type RunOptions, type RunnerOptions, type RunnerRunOptions } from "./runners.js";
export { NotImplementedError } from "./exceptions.js";
export {
  captureCallGraph,
  formatCallGraph,
  printCallGraph,
  type FutureCallGraph,
  type FrameCallGraphEntry,
  type CallGraphOptions,
  type PrintCallGraphOptions,
} from "./graph.js";
export type { CallFrame } from "./stack-frames.js";
export type { Trace, TraceEvent } from "./trace.js";
export { traceToSvg, type TraceSvgOptions } from "./trace-svg.js";
