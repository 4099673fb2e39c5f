/** layoutContainerCells of the printers: container names and images, each joined with `,`. */
import type { Container } from 'kubernetes-types/core/v1';

export function containerCells(containers: readonly Container[] | undefined): { names: string; images: string } {
  return {
    names: (containers ?? []).map((c) => c.name).join(','),
    images: (containers ?? []).map((c) => c.image ?? '').join(','),
  };
}
