/**
 * Just enough of a proto2 reader for the generated.proto files of k8s.io/api and
 * k8s.io/apimachinery: top-level messages with `optional`, `repeated` and `map<K, V>` fields.
 * Those files are written by go-to-protobuf, one field a line, without nested messages.
 */
export interface ProtoField {
  name: string;
  number: number;
  /** The proto type as written: `string`, `PodSpec`, `.k8s.io.apimachinery.pkg.apis.meta.v1.Time`. */
  type: string;
  repeated: boolean;
  map?: { key: string; value: string };
}

export interface ProtoFile {
  package: string;
  messages: Map<string, ProtoField[]>;
}

export function parseProtoFile(text: string): ProtoFile {
  const pkg = /^package ([\w.]+);$/m.exec(text)?.[1];
  if (!pkg) throw new Error('proto file without a package');
  const messages = new Map<string, ProtoField[]>();
  let current: ProtoField[] | undefined;
  for (const line of text.split('\n')) {
    const open = /^message (\w+) \{(\s*\})?$/.exec(line);
    if (open) {
      current = [];
      messages.set(open[1]!, current);
      if (open[2]) current = undefined;
      continue;
    }
    if (line === '}') {
      current = undefined;
      continue;
    }
    if (!current) continue;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('//')) continue;
    const field = /^(optional|repeated) ([\w.]+) (\w+) = (\d+);$/.exec(trimmed);
    const map = /^map<(\w+), ([\w.]+)> (\w+) = (\d+);$/.exec(trimmed);
    if (field) current.push({ name: field[3]!, number: Number(field[4]), type: field[2]!, repeated: field[1] === 'repeated' });
    else if (map) current.push({ name: map[3]!, number: Number(map[4]), type: 'map', repeated: false, map: { key: map[1]!, value: map[2]! } });
    else throw new Error(`unexpected proto line: ${trimmed}`);
  }
  return { package: pkg, messages };
}
