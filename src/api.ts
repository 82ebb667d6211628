// The whole public API, shared by the entries index.ts and workers.ts. Only re-exports.
export * from "./api-core.js";
export * from "./api-io.js";
