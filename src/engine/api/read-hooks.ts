/** What runs before a get, list or watch of a resource (ApiServer.beforeRead), by resource key. */
export class ReadHooks {
  readonly #hooks = new Map<string, (() => void)[]>();

  add(key: string, hook: () => void): void {
    this.#hooks.set(key, [...(this.#hooks.get(key) ?? []), hook]);
  }

  run(key: string): void {
    for (const hook of this.#hooks.get(key) ?? []) hook();
  }
}
