// Finding the Python interpreters: CPython 3.12 for asyncio (the version wasmloop follows),
// and any interpreter that can import uvloop.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

function works(python, code) {
  try {
    return execFileSync(python, ["-c", code], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

function candidates() {
  const out = [];
  const pyenv = process.env.PYENV_ROOT ?? join(process.env.HOME ?? "/root", ".pyenv");
  const versions = join(pyenv, "versions");
  if (existsSync(versions)) {
    for (const v of readdirSync(versions).filter((v) => /^3\.12\./.test(v)).sort().reverse()) {
      out.push(join(versions, v, "bin", "python3"));
    }
  }
  out.push("python3.12", "/usr/bin/python3", "python3");
  return out;
}

/** { python, version } for asyncio: 3.12 if there is one, else the first python3 that runs. */
export function findAsyncioPython() {
  let fallback = null;
  for (const python of candidates()) {
    const version = works(python, "import asyncio, sys; print(sys.version.split()[0])");
    if (version === null) continue;
    if (version.startsWith("3.12.")) return { python, version };
    fallback ??= { python, version };
  }
  return fallback;
}

/** { python, version, uvloop } for the first interpreter that imports uvloop, or null. */
export function findUvloopPython() {
  for (const python of ["/usr/bin/python3", ...candidates()]) {
    const out = works(python, "import sys, uvloop; print(sys.version.split()[0], uvloop.__version__)");
    if (out !== null) {
      const [version, uvloop] = out.split(" ");
      return { python, version, uvloop };
    }
  }
  return null;
}
