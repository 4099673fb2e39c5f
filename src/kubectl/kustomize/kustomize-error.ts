/** A kustomize build failure; its message is what `kubectl kustomize` prints after `error: `. */
export class KustomizeError extends Error {}
