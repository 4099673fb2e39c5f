/**
 * The syntax check resource.Quantity's UnmarshalJSON applies (ParseQuantity), with its two error
 * texts. Only the syntax: canonical formatting belongs to src/lib/quantity.
 */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const SPLIT = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** undefined when `text` parses as a Quantity, else the error ParseQuantity returns. */
export function quantitySyntaxError(text: string): string | undefined {
  const m = SPLIT.exec(text.trim());
  if (!m) return QUANTITY_FORMAT_ERROR;
  const number = m[1]!.replace(/^[+-]/, '');
  if ((number.match(/\./g) ?? []).length > 1 || number === '.') return QUANTITY_FORMAT_ERROR;
  const suffix = m[2]!;
  if (SUFFIXES.has(suffix) || /^[eE][-+]?[0-9]+$/.test(suffix)) return undefined;
  return /^[eEinumkKMGTP]*$/.test(suffix) || /^[eEinumkKMGTP]*[-+]?[0-9]+$/.test(suffix) ? QUANTITY_SUFFIX_ERROR : QUANTITY_FORMAT_ERROR;
}
