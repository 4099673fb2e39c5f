/**
 * A long YAML document composed a piece at a time. The yaml package composes a document in one
 * synchronous call: a List of 10,000 items, or a container with 100,000 env entries, keeps the host
 * from answering Ctrl-C for most of a second. Every long block sequence reached through block
 * collections is cut to its last item for the composer (so the sequence ends where it did, which
 * the composer's checks of the next key measure from), and its other items are composed apart,
 * a chunk at a time inside a sequence of the same indent, with the host given a turn between
 * chunks; the items are put back into the value after conversion.
 * Composing an item this way runs the same checks as composing it in place, as long as no anchor,
 * alias, tag or directive ties it to the rest of the document (the caller says whether the file
 * holds one). Any chunk the composer finds fault with, that holds a collection key or that is too
 * deep for the composer sends the whole document back to the one-piece path, so every error keeps
 * its wording and position.
 */
import { Composer, isMap, isScalar, isSeq, type CST, type Document, type Node } from 'yaml';
import { documentValue } from './document-value.ts';
import { COMPOSE_DEPTH, cstDepthExceeds } from './deep-yaml.ts';
import { invalidMapKey } from './yaml-map-key.ts';

/** Source this long composes in one piece within a few milliseconds. */
const SLICE_MIN_CHARS = 8_192;
/** Collections visited between two turns of the host while the document is cut. */
const COLLECTIONS_PER_CHECKPOINT = 500;

/** The items of one sequence composed apart, found again by the sequence's offset. */
interface SequenceParts {
  offset: number;
  chunks: SlicedPart[];
}

/** A document or chunk as composed, with the sequences cut inside it. */
export interface SlicedPart {
  doc: Document.Parsed;
  cuts: SequenceParts[];
}

/** What `sliceDocument` hands the composer, and the cuts to put back into the outer document's value. */
export interface SlicedDocument {
  outer: CST.Document;
  cuts: SequenceParts[];
}

type Block = CST.BlockMap | CST.BlockSequence;
type SeqItem = CST.BlockSequence['items'][number];
type MapItem = CST.BlockMap['items'][number];

/** Undefined when the document is short (`sourceLength`: its file's) or must be composed in one piece. */
export async function sliceDocument(token: CST.Document, sourceLength: number, hasProperties: boolean, checkpoint: () => Promise<void>): Promise<SlicedDocument | undefined> {
  if (hasProperties || !isBlock(token.value) || sourceLength < SLICE_MIN_CHARS) return undefined;
  const slicer = new Slicer(checkpoint);
  const cut = await slicer.cut(token.value, 1);
  if (cut === undefined || slicer.cuts.length === 0) return undefined;
  return { outer: { ...token, value: cut }, cuts: slicer.cuts };
}

class Slicer {
  readonly cuts: SequenceParts[] = [];
  #visited = 0;

  constructor(private readonly checkpoint: () => Promise<void>) {}

  /**
   * `block`, `depth` collections deep, with its long sequences cut (their parts recorded in
   * `cuts`), or undefined to compose the document whole.
   */
  async cut(block: Block, depth: number): Promise<Block | undefined> {
    // Deeper than the composer reaches, the document goes to deep-yaml.ts whole.
    if (depth > COMPOSE_DEPTH) return undefined;
    if (++this.#visited % COLLECTIONS_PER_CHECKPOINT === 0) await this.checkpoint();
    if (block.type === 'block-map') {
      const items: MapItem[] = [];
      for (const pair of block.items) {
        const value = pair.value;
        if (!isBlock(value) || !isScalarToken(pair.key)) {
          items.push(pair);
          continue;
        }
        const inner = await this.cut(value, depth + 1);
        if (inner === undefined) return undefined;
        items.push({ ...pair, value: inner } as MapItem);
      }
      return { ...block, items };
    }
    const first = block.items[0];
    const last = block.items[block.items.length - 1];
    const isLong = first !== undefined && last !== undefined && itemOffset(last, 0) - itemOffset(first, 0) >= SLICE_MIN_CHARS;
    const kept: SeqItem[] = [];
    for (const item of isLong ? [last] : block.items) {
      const value = item.value;
      if (!isBlock(value)) {
        kept.push(item);
        continue;
      }
      const inner = await this.cut(value, depth + 1);
      if (inner === undefined) return undefined;
      kept.push({ ...item, value: inner });
    }
    if (!isLong) return { ...block, items: kept };
    const chunks: SlicedPart[] = [];
    for (const items of chunksOf(block.items.slice(0, -1))) {
      await this.checkpoint();
      const chunk = await this.composeChunk({ ...block, offset: itemOffset(items[0]!, block.offset), items }, depth);
      if (chunk === undefined) return undefined;
      chunks.push(chunk);
    }
    this.cuts.push({ offset: block.offset, chunks });
    return { ...block, items: kept };
  }

  /** Items of a sequence `depth` collections deep, composed as a sequence of their own. */
  async composeChunk(seq: CST.BlockSequence, depth: number): Promise<SlicedPart | undefined> {
    const inner = new Slicer(this.checkpoint);
    const cut = await inner.cut(seq, depth);
    if (cut === undefined || cstDepthExceeds(cut, COMPOSE_DEPTH - depth + 1)) return undefined;
    const composer = new Composer({ logLevel: 'error' });
    const docs = [...composer.next({ type: 'document', offset: cut.offset, start: [], value: cut, end: [] }), ...composer.end()];
    const doc = docs[0];
    if (docs.length !== 1 || doc === undefined || doc.errors.length > 0 || invalidMapKey(doc) !== undefined) return undefined;
    return { doc, cuts: inner.cuts };
  }
}

/** The value of a composed document or chunk, its cut sequences whole again. */
export async function slicedValue(part: SlicedPart, checkpoint: () => Promise<void>): Promise<unknown> {
  const value = await documentValue(part.doc, checkpoint);
  const targets = cutTargets(part.doc, value, part.cuts);
  for (const [target, { chunks }] of targets) {
    const last = target.splice(0);
    for (const chunk of chunks) target.push(...((await slicedValue(chunk, checkpoint)) as unknown[]));
    target.push(...last);
  }
  return value;
}

/** Each cut sequence's array in `value`, found by walking the composed nodes to the sequence's offset. */
function cutTargets(doc: Document.Parsed, value: unknown, cuts: SequenceParts[]): [unknown[], SequenceParts][] {
  const byOffset = new Map(cuts.map((cut) => [cut.offset, cut]));
  const out: [unknown[], SequenceParts][] = [];
  const work: [Node | null | undefined, unknown][] = [[doc.contents as Node | null, value]];
  while (work.length > 0 && out.length < cuts.length) {
    const [node, at] = work.pop()!;
    if (isSeq(node) && Array.isArray(at)) {
      const cut = node.range && byOffset.get(node.range[0]);
      if (cut) out.push([at, cut]);
      node.items.forEach((item, n) => work.push([item as Node, at[n]]));
    } else if (isMap(node) && typeof at === 'object' && at !== null) {
      for (const pair of node.items) {
        if (!isScalar(pair.key) && pair.key !== null) continue;
        const key = pair.key === null || pair.key.value === null ? '' : String(pair.key.value);
        work.push([pair.value as Node, (at as Record<string, unknown>)[key]]);
      }
    }
  }
  return out;
}

function isBlock(token: CST.Token | null | undefined): token is Block {
  return token?.type === 'block-map' || token?.type === 'block-seq';
}

function isScalarToken(key: CST.Token | null | undefined): boolean {
  return key?.type === 'scalar' || key?.type === 'single-quoted-scalar' || key?.type === 'double-quoted-scalar';
}

/** Runs of items covering about SLICE_MIN_CHARS of source each. */
function chunksOf(items: SeqItem[]): SeqItem[][] {
  const out: SeqItem[][] = [];
  let chunk: SeqItem[] = [];
  let startedAt = 0;
  for (const item of items) {
    const at = itemOffset(item, startedAt);
    if (chunk.length > 0 && at - startedAt >= SLICE_MIN_CHARS) {
      out.push(chunk);
      chunk = [];
    }
    if (chunk.length === 0) startedAt = at;
    chunk.push(item);
  }
  if (chunk.length > 0) out.push(chunk);
  return out;
}

/** Where an item starts: its `-`. */
function itemOffset(item: SeqItem | MapItem, fallback: number): number {
  const first = item.start[0];
  return first && 'offset' in first ? first.offset : fallback;
}
