// "wasmloop/io": installs the I/O layer behind the EventLoop's I/O methods (src/io-layer.ts)
// and exports its names: streams, transports, protocols, servers, subprocesses, pipes,
// executors. For programs that import the rest from "wasmloop/lite".
import "./io/layer.js";

export * from "./api-io.js";
