/** `Date.now()`, once per animation frame (the runtime pulls a generator once per frame). */
export function* now(): Generator<number, never, unknown> {
  while (true) yield Date.now();
}
