# The example worker on plain workerd (what `wrangler dev` runs for you). Build the package
# (`npm run build`) and bundle the worker first, keeping the .wasm import for workerd:
#   npx esbuild worker.mjs --bundle --format=esm --external:*.wasm --outfile=build/worker.mjs
# then serve it on http://127.0.0.1:8787/:
#   npx workerd serve config.capnp
# Module names are specifiers: the bundle's `import ... from "wasmloop/scheduler.wasm"`
# resolves to the module of that name, which workerd compiles from the embedded file.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .exampleWorker)],
  sockets = [(name = "http", address = "127.0.0.1:8787", http = (), service = "main")],
);

const exampleWorker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "build/worker.mjs"),
    (name = "wasmloop/scheduler.wasm", wasm = embed "../../build/scheduler.wasm"),
  ],
  compatibilityDate = "2024-09-23",
);
