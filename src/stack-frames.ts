/**
 * Host stack traces read as frames: the call stacks of captureCallGraph (graph.ts) and the
 * creation stacks debug mode attaches to exception-handler contexts (debug.ts).
 *
 * HOW and WHY
 *
 * JavaScript shows frames only as the text of `Error.stack`. V8 (Node, Deno, Chromium,
 * workerd) writes `    at name (file:line:col)`, and right after the frame of a running
 * generator it writes the native frame that resumed it, `    at name.next (<anonymous>)`
 * (`Generator.next`, `name.throw`, `name.return`): that marker is how a coroutine frame (a
 * `function*`) is told from a plain one, the way CPython reads `f_generator`. SpiderMonkey and
 * JavaScriptCore write `name@file:line:col` and mark nothing, so there every frame reads as
 * plain.
 *
 * A generator that is suspended is on no stack at all: its frames exist only while it runs.
 * So the frames of a task that waits can be known only if they were recorded when it
 * suspended (debug mode does that, graph.ts), never read afterwards.
 *
 * wasmloop's own frames (the Task step, the dispatch, Future iterators, CoroutineFuture's
 * plumbing) are how coroutines run, not what the program does: they are dropped from what
 * users see. They are recognised by directory, the one this module was loaded from (dist/
 * or src/). A bundle that merges wasmloop with the program into one file defeats that; then
 * nothing is dropped (`packageFramesKnown` is false).
 */

/** One frame of a host stack trace. */
export interface CallFrame {
  /** The function's name as the host reports it (`main`, `Lock.acquire`, `<anonymous>`). */
  readonly name: string;
  /** The script's URL or path. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** A running generator's frame (a coroutine): known on V8 hosts only. */
  readonly coroutine: boolean;
}

/** How many frames a capture keeps: the host default (10 in V8) cuts deep coroutine chains short. */
const STACK_LIMIT = 64;

const V8_LINE = /^\s*at (?:async )?(?:(.*?) \((.*)\)|(.*))$/;
const SM_LINE = /^(.*?)@(.*)$/;
const LOCATION = /^(.*):(\d+):(\d+)$/;
/** the native frame V8 puts right after a running generator's own frame */
const RESUME = /(?:^|\.)(?:next|throw|return)$/;

interface RawFrame {
  name: string;
  location: string;
}

function rawFrames(stack: string): RawFrame[] {
  const out: RawFrame[] = [];
  for (const line of stack.split("\n")) {
    let m = V8_LINE.exec(line);
    if (m !== null) {
      if (m[3] !== undefined) out.push({ name: "", location: m[3] });
      else out.push({ name: m[1], location: m[2] });
      continue;
    }
    m = SM_LINE.exec(line.trim());
    if (m !== null) out.push({ name: m[1], location: m[2] });
  }
  return out;
}

/**
 * The frames of a stack trace's text, innermost first. Resume frames are folded into the
 * frame they resume (marking it a coroutine); native frames without a location are dropped.
 */
export function parseStack(stack: string): CallFrame[] {
  const raw = rawFrames(stack);
  const frames: CallFrame[] = [];
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    const at = LOCATION.exec(r.location);
    if (at === null) continue; // `<anonymous>`, `native`: no place in a script
    const next = raw[i + 1];
    const coroutine = next !== undefined && next.location === "<anonymous>" && RESUME.test(next.name);
    frames.push({
      name: r.name.startsWith("new ") ? r.name.slice(4) : r.name || "<anonymous>",
      file: at[1],
      line: Number(at[2]),
      column: Number(at[3]),
      coroutine,
    });
    if (coroutine) i++;
  }
  return frames;
}

type ErrorCtor = ErrorConstructor & {
  captureStackTrace?: (target: object, skip?: Function) => void;
  stackTraceLimit?: number;
};

/**
 * The current stack's text, from the caller of `skip` outward (where the host can skip frames:
 * V8, JavaScriptCore; elsewhere the whole stack), with room for deep coroutine chains. "" where
 * the host gives no stack.
 */
export function stackText(skip: Function): string {
  const E = Error as ErrorCtor;
  const limit = E.stackTraceLimit;
  try {
    if (typeof limit === "number" && limit < STACK_LIMIT) E.stackTraceLimit = STACK_LIMIT;
  } catch {
    // a frozen Error (SES): the host's limit stands
  }
  try {
    if (typeof E.captureStackTrace === "function") {
      const holder: { stack?: string } = {};
      E.captureStackTrace(holder, skip);
      // read now: V8 keeps the frames' receivers alive until the text is made
      return typeof holder.stack === "string" ? holder.stack : "";
    }
    const stack = new Error().stack;
    return typeof stack === "string" ? stack : "";
  } catch {
    return "";
  } finally {
    try {
      if (E.stackTraceLimit !== limit) E.stackTraceLimit = limit;
    } catch {
      // as above
    }
  }
}

/** This module's own file, from the top frame of a stack made while it loads. */
const selfFile: string | null = (() => {
  try {
    const frames = parseStack(new Error().stack ?? "");
    return frames.length > 0 ? frames[0].file : null;
  } catch {
    return null;
  }
})();

/** wasmloop's modules are laid out as in src/: their directory tells its frames apart. */
export const packageFramesKnown: boolean = selfFile !== null && /[/\\]stack-frames\.[cm]?[jt]s$/.test(selfFile);
const packageDir = packageFramesKnown ? selfFile!.slice(0, Math.max(selfFile!.lastIndexOf("/"), selfFile!.lastIndexOf("\\")) + 1) : "";

/** True for a frame of wasmloop's own code (false for every frame when that cannot be told). */
export function isPackageFrame(f: CallFrame): boolean {
  return packageFramesKnown && f.file.startsWith(packageDir);
}

/** The frames of the program, without wasmloop's own; all of them when none would be left. */
export function programFrames(frames: readonly CallFrame[]): CallFrame[] {
  const own = frames.filter((f) => !isPackageFrame(f));
  return own.length > 0 ? own : frames.slice();
}

/** `File 'x.js', line 3, in main`: a frame as Python's traceback writes one. */
export function formatFrame(f: CallFrame): string {
  return `File ${pyStr(f.file)}, line ${f.line}, in ${f.name}`;
}

/** Python's repr() of a string: single quotes unless the text holds one and no double quote. */
export function pyStr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    if (ch === q || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else out += ch;
  }
  return out + q;
}
