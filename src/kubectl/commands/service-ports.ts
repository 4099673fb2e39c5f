/**
 * The port specs of `create service --tcp=port[:target]` and `expose --port/--target-port`, checked
 * as kubectl checks them on the client (utilsnet.ParsePort, validation.IsValidPortName/IsValidPortNum).
 */
import { KubectlError } from '../errors.ts';

/** Models validation.IsValidPortName (an IANA service name). */
export function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

export const portNumErrors = (port: number): string[] => (port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive']);

/** Models strconv.ParseUint(s, 10, 16) as utilsnet.ParsePort uses it. */
export function parsePort(text: string): number {
  if (!/^\d+$/.test(text)) throw new KubectlError(`error: strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
  const port = Number(text);
  if (port > 65535) throw new KubectlError(`error: strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
  return port;
}

/** A target port: a number when it parses as one (strconv.Atoi), else a port name. */
export function parseTargetPort(text: string): number | string {
  if (/^[+-]?\d+$/.test(text)) {
    const port = Number(text);
    const errs = portNumErrors(port);
    if (errs.length) throw new KubectlError(`error: ${errs.join(',')}`);
    return port;
  }
  const errs = portNameErrors(text);
  if (errs.length) throw new KubectlError(`error: ${errs.join(',')}`);
  return text;
}
