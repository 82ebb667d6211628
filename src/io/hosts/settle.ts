/** Shared by the hosts: the PromiseLike their connect/listen return. */

/**
 * A PromiseLike that settles synchronously, inside the callback that settles it: no promise
 * job in between. The in-memory network settles it in a loop callback, so a synchronous run
 * (runUntilCompleteSync) sees it; the Node host settles it in the socket's own event, which
 * saves a promise and a microtask per connection.
 */
export class Settle<T> implements PromiseLike<T> {
  #state: "pending" | "ok" | "failed" = "pending";
  #value: unknown;
  #waiting: [((v: T) => unknown) | null | undefined, ((e: unknown) => unknown) | null | undefined][] = [];

  resolve(v: T): void {
    this.#settle("ok", v);
  }
  reject(e: unknown): void {
    this.#settle("failed", e);
  }
  #settle(state: "ok" | "failed", v: unknown): void {
    if (this.#state !== "pending") return;
    this.#state = state;
    this.#value = v;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const [ok, err] of waiting) this.#call(ok, err);
  }
  #call(ok: ((v: T) => unknown) | null | undefined, err: ((e: unknown) => unknown) | null | undefined): void {
    if (this.#state === "ok") ok?.(this.#value as T);
    else err?.(this.#value);
  }
  then<R1 = T, R2 = never>(ok?: ((v: T) => R1 | PromiseLike<R1>) | null, err?: ((e: unknown) => R2 | PromiseLike<R2>) | null): PromiseLike<R1 | R2> {
    if (this.#state === "pending") this.#waiting.push([ok, err]);
    else this.#call(ok, err);
    return this as unknown as PromiseLike<R1 | R2>;
  }
}

