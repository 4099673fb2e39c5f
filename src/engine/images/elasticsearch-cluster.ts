/**
 * The in-memory state of the single-node Elasticsearch 6.4.2: indices created from templates,
 * documents searchable after their index's refresh interval, and the log lines the real
 * node writes as indices and mappings appear.
 */
import { GlobPattern } from '../../lib/regex/glob-pattern.ts';
import type { AppContext } from './image.ts';

export const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export interface Doc {
  id: string;
  type: string;
  source: Record<string, unknown>;
  version: number;
  seqNo: number;
  size: number;
  /** Searchable after the index's refresh interval. */
  visibleAtMs: number;
}

export interface Index {
  name: string;
  uuid: string;
  shards: number;
  replicas: number;
  refreshMs: number;
  docs: Map<string, Doc>;
  mappedTypes: Set<string>;
}

interface Template {
  patterns: string[];
  body: unknown;
}

/** An index pattern, whose only wildcard is `*`, matched on RE2 so that `a*a*a*a*b` costs linear time. */
function indexPattern(pattern: string): GlobPattern {
  return new GlobPattern(pattern.replace(/[?[\\]/g, '\\$&'));
}

export class Cluster {
  readonly indices = new Map<string, Index>();
  readonly templates = new Map<string, Template>();
  seqNo = 0;
  randomClusterUuid = '';

  constructor(
    readonly ctx: AppContext,
    readonly nodeName: string,
    readonly clusterName: string,
    readonly log: (level: string, category: string, message: string) => void,
  ) {}

  randomId(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += BASE64URL[Math.floor(this.ctx.random() * 64)];
    return out;
  }

  health(index: Index): 'green' | 'yellow' {
    return index.replicas > 0 ? 'yellow' : 'green';
  }

  clusterHealth(): 'green' | 'yellow' {
    return [...this.indices.values()].some((i) => this.health(i) === 'yellow') ? 'yellow' : 'green';
  }

  resolve(expression: string): Index[] {
    if (expression === '_all' || expression === '*' || expression === '') return [...this.indices.values()].filter((i) => !i.name.startsWith('.'));
    const found = new Map<string, Index>();
    for (const part of expression.split(',')) {
      if (part.includes('*')) {
        const re = indexPattern(part);
        for (const index of this.indices.values()) if (re.matches(index.name) && !(index.name.startsWith('.') && !part.startsWith('.'))) found.set(index.name, index);
      } else {
        const index = this.indices.get(part);
        if (index) found.set(part, index);
      }
    }
    return [...found.values()];
  }

  create(name: string, cause: string): Index {
    const template = [...this.templates.entries()].find(([, t]) => t.patterns.some((p) => indexPattern(p).matches(name)));
    const settings = ((template?.[1].body as { settings?: { index?: Record<string, unknown> } } | undefined)?.settings?.index ?? {}) as Record<string, unknown>;
    const isKibana = name === '.kibana';
    const index: Index = {
      name,
      uuid: this.randomId(22),
      shards: Number(settings.number_of_shards ?? (isKibana ? 1 : 5)),
      replicas: 1,
      refreshMs: settings.refresh_interval === '5s' ? 5000 : 1000,
      docs: new Map(),
      mappedTypes: new Set(),
    };
    this.indices.set(name, index);
    this.log(
      'INFO',
      'o.e.c.m.MetaDataCreateIndexService',
      `[${name}] creating index, cause [${cause}], templates [${template?.[0] ?? ''}], shards [${index.shards}]/[1], mappings [${template || isKibana ? 'doc' : ''}]`,
    );
    if (isKibana) {
      index.replicas = 0;
      this.log('INFO', 'o.e.c.r.a.AllocationService', `updating number_of_replicas to [0] for indices [${name}]`);
    }
    // A new index is red until its primaries start; the log reports where the cluster lands.
    const after = this.clusterHealth();
    this.log(
      'INFO',
      'o.e.c.r.a.AllocationService',
      `Cluster health status changed from [RED] to [${after.toUpperCase()}] (reason: [shards started [[${name}][${index.shards - 1}]] ...]).`,
    );
    return index;
  }

  indexDoc(indexName: string, type: string, id: string | undefined, source: Record<string, unknown>, cause: string): { index: Index; doc: Doc; created: boolean } {
    const index = this.indices.get(indexName) ?? this.create(indexName, cause);
    if (!index.mappedTypes.has(type)) {
      index.mappedTypes.add(type);
      this.log('INFO', 'o.e.c.m.MetaDataMappingService', `[${index.name}/${index.uuid}] update_mapping [${type}]`);
    }
    const docId = id ?? this.randomId(20);
    const existing = index.docs.get(docId);
    const text = JSON.stringify(source);
    const doc: Doc = { id: docId, type, source, version: (existing?.version ?? 0) + 1, seqNo: this.seqNo++, size: text.length, visibleAtMs: this.ctx.now() + index.refreshMs };
    index.docs.set(docId, doc);
    return { index, doc, created: !existing };
  }

  visible(index: Index): Doc[] {
    const now = this.ctx.now();
    return [...index.docs.values()].filter((d) => d.visibleAtMs <= now);
  }

  storeBytes(index: Index): number {
    const docs = this.visible(index);
    return docs.length === 0 ? 261 * index.shards : Math.round(docs.reduce((n, d) => n + d.size, 0) * 0.62) + 4_300 * index.shards;
  }
}
