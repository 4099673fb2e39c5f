/**
 * Images built on the lab machine (`docker build`) and in no registry: every node's runtime finds
 * them, as the lab's preloaded `ubuntu-sleeper` is on every node, so a pod with
 * `imagePullPolicy: Never` runs them; a pull of one fails as an unknown repository does.
 */
import type { ImageSpec } from './image.ts';

export interface LocalImage {
  /** `docker.io/library/ubuntu-sleeper:latest` */
  normalized: string;
  spec: ImageSpec;
  env: Record<string, string>;
  /** 64 hex digits, without `sha256:`. */
  digest: string;
}

export class LocalImages {
  readonly #byRef = new Map<string, LocalImage>();

  get(normalized: string): LocalImage | undefined {
    return this.#byRef.get(normalized);
  }

  add(image: LocalImage): void {
    this.#byRef.set(image.normalized, image);
  }

  delete(normalized: string): void {
    this.#byRef.delete(normalized);
  }
}
