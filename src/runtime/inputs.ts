/** The page's named inputs: what `view(input, name)` showed last under each name. */
export class NamedInputs {
  readonly #elements = new Map<string, {value: unknown}>();
  readonly #restore = new Map<string, unknown>();

  /**
   * Values to give inputs when they first appear (a share link's input state): each is applied
   * once, to the first input shown under its name, before the cell reads its value.
   */
  restore(values: ReadonlyMap<string, unknown>): void {
    for (const [name, value] of values) this.#restore.set(name, value);
  }

  /** An input element shown under `name`: it takes a value waiting to be restored, if any. */
  adopt(name: string, element: unknown): void {
    if (typeof element !== "object" || element === null || !("value" in element)) return;
    const input = element as {value: unknown};
    if (this.#restore.has(name)) {
      try {
        input.value = this.#restore.get(name);
      } catch {
        // An input that refuses the value (not among a select's options) keeps its default.
      }
      this.#restore.delete(name);
    }
    this.#elements.set(name, input);
  }

  /** The current value of every named input still on the page, by name. */
  values(): Map<string, unknown> {
    const values = new Map<string, unknown>();
    for (const [name, element] of this.#elements) {
      if ((element as {isConnected?: boolean}).isConnected === false) continue;
      values.set(name, element.value);
    }
    return values;
  }
}
