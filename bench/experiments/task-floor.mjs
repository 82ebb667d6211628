// What creating and finishing 100k tasks costs in plain JS with nothing of asyncio: each
// "task" is a generator plus an object with as many fields as a wasmloop Task (26), kept in
// an array until a second pass resumes every generator once and marks the object done — the
// W5.tasks shape (all created, then all run). The difference between the rows is the
// garbage collector's work on live objects of that size, which no scheduler avoids.
//
//   node --expose-gc bench/experiments/task-floor.mjs
import { measure } from "../lib/harness.mjs";

const N = 100_000;
function* tiny() {
  return 1;
}

/** An object of `fields` fields, made by a constructor as a Task is (fields assigned in order). */
function makeClass(fields) {
  const body = Array.from({ length: fields }, (_, i) => `this.f${i} = ${i === 0 ? "g" : "null"};`).join("\n");
  return new Function("g", body);
}

const sizes = process.argv.slice(2).map(Number);
for (const fields of sizes.length > 0 ? sizes : [0, 8, 16, 26]) {
  const Obj = fields === 0 ? null : makeClass(fields);
  const r = measure({
    ops: N,
    reps: 7,
    setup: () => ({ tasks: new Array(N) }),
    run: ({ tasks }) => {
      for (let i = 0; i < N; i++) tasks[i] = Obj === null ? tiny() : new Obj(tiny());
      for (let i = 0; i < N; i++) {
        const t = tasks[i];
        const g = Obj === null ? t : t.f0;
        const r = g.next();
        if (Obj !== null) t.f1 = r.value;
        tasks[i] = undefined;
      }
    },
  });
  console.log(`generator + ${String(fields).padStart(2)}-field object: ${r.value.toFixed(0)} ns per task (min ${r.min.toFixed(0)})`);
}
