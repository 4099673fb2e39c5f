/**
 * A turn of the worker's event loop for the host: resolves after the messages that came meanwhile
 * (keys, pings, Ctrl-C) were handled. A MessageChannel round trip, not setTimeout, whose clamping
 * to 4 ms would slow every yield of a long command.
 */
export function messageChannelYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const pendingYields: (() => void)[] = [];
  channel.port1.onmessage = () => pendingYields.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      pendingYields.push(resolve);
      channel.port2.postMessage(0);
    });
}
