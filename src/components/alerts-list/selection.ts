/**
 * Which incidents and alerts are selected: explicit ids, or "all matching the filter" minus the
 * ones the user then unticked. Pure; the list owns one and re-renders when it changes.
 */
export class AlertSelection {
  #ids = new Set<string>();
  #all = false;
  #excluded = new Set<string>();
  /** Row index of the last plain or Ctrl click, where a Shift range starts. */
  anchor?: number;

  get allMatching(): boolean {
    return this.#all;
  }

  /** The explicitly selected ids (empty in "all matching" mode). */
  get ids(): ReadonlySet<string> {
    return this.#ids;
  }

  get excluded(): ReadonlySet<string> {
    return this.#excluded;
  }

  has(id: string): boolean {
    return this.#all ? !this.#excluded.has(id) : this.#ids.has(id);
  }

  count(total: number): number {
    return this.#all ? Math.max(0, total - this.#excluded.size) : this.#ids.size;
  }

  get empty(): boolean {
    return !this.#all && this.#ids.size === 0;
  }

  toggle(id: string, on = !this.has(id)): void {
    if (this.#all) {
      if (on) this.#excluded.delete(id);
      else this.#excluded.add(id);
    } else if (on) this.#ids.add(id);
    else this.#ids.delete(id);
  }

  /** Select exactly these (a plain click). */
  only(ids: Iterable<string>): void {
    this.#all = false;
    this.#excluded.clear();
    this.#ids = new Set(ids);
  }

  /** Add these (a Shift range, Shift+Arrow). */
  add(ids: Iterable<string>): void {
    for (const id of ids) this.toggle(id, true);
  }

  selectAllMatching(): void {
    this.#all = true;
    this.#ids.clear();
    this.#excluded.clear();
  }

  clear(): void {
    this.#all = false;
    this.#ids.clear();
    this.#excluded.clear();
    this.anchor = undefined;
  }
}
