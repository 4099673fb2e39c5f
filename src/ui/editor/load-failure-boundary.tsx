import { Component, type ReactNode } from 'react';

/**
 * Shows `fallback` instead of children that failed to render, e.g. when the lazy Monaco chunk
 * cannot be fetched; without it React would unmount the whole app, terminal included.
 */
export class LoadFailureBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
