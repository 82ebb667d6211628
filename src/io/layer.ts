/**
 * Installs the I/O layer behind the EventLoop's I/O methods (see src/io-layer.ts): evaluating
 * this module is what makes createConnection, subprocessExec, runInExecutor and the rest work.
 * The main entry and "wasmloop/io" import it; "wasmloop/lite" does not.
 */
import { _installIoLayer, type IoLayer } from "../io-layer.js";
import { createConnection, createServer, createUnixConnection, createUnixServer } from "./connections.js";
import { closeDefaultExecutor, runInExecutor, setDefaultExecutor, shutdownDefaultExecutor } from "./executors.js";
import { enterSyncRun, leaveSyncRun, releaseHostOps } from "./host-ops.js";
import { closeLoopIo, setNetwork } from "./loop-io.js";
import { connectReadPipe, connectWritePipe } from "./pipes.js";
import { subprocess } from "./subprocess-transport.js";

const layer: IoLayer = {
  setNetwork,
  closeLoop(loop) {
    closeLoopIo(loop);
    closeDefaultExecutor(loop);
    releaseHostOps(loop);
  },
  enterSyncRun,
  leaveSyncRun,
  createConnection: createConnection as IoLayer["createConnection"],
  createUnixConnection: createUnixConnection as IoLayer["createUnixConnection"],
  createServer: createServer as IoLayer["createServer"],
  createUnixServer: createUnixServer as IoLayer["createUnixServer"],
  subprocess: subprocess as IoLayer["subprocess"],
  connectReadPipe: connectReadPipe as IoLayer["connectReadPipe"],
  connectWritePipe: connectWritePipe as IoLayer["connectWritePipe"],
  runInExecutor,
  setDefaultExecutor,
  shutdownDefaultExecutor: shutdownDefaultExecutor as IoLayer["shutdownDefaultExecutor"],
};

_installIoLayer(layer);
