/**
 * The Table of a custom resource: Name, then the version's additionalPrinterColumns (or Age when
 * it declares none), each cell read with its JSONPath and typed as the column says. Models
 * staging/src/k8s.io/apiextensions-apiserver/pkg/registry/customresource/tableconvertor/tableconvertor.go
 * and apiserver.go serveDefaultColumnsIfEmpty.
 */
import type { CustomResourceColumnDefinition } from 'kubernetes-types/apiextensions/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import { formatGoNumber, goJsonMarshal } from '../../../lib/jsonpath/go-value-format.ts';
import { queryJsonPath } from '../../../lib/jsonpath/jsonpath.ts';
import type { KubeObject, TableColumnDefinition } from '../client.ts';
import type { TableContext } from '../resource-definition.ts';
import { AGE_DESCRIPTION, nameColumn } from '../resources/table-columns.ts';

type Cell = string | number | boolean;

const DEFAULT_COLUMNS: CustomResourceColumnDefinition[] = [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: AGE_DESCRIPTION }];

export function columnsOf(declared: CustomResourceColumnDefinition[] | undefined): CustomResourceColumnDefinition[] {
  return declared?.length ? declared : DEFAULT_COLUMNS;
}

export function printerColumnDefinitions(columns: CustomResourceColumnDefinition[]): TableColumnDefinition[] {
  return [
    nameColumn(),
    ...columns.map((c) => ({
      name: c.name,
      type: c.type as TableColumnDefinition['type'],
      format: c.format ?? '',
      description: c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
      priority: c.priority ?? 0,
    })),
  ];
}

export function printerColumnRow(columns: CustomResourceColumnDefinition[], obj: KubeObject, ctx: TableContext): Cell[] {
  return [obj.metadata?.name ?? '', ...columns.map((c) => cellOf(c, obj, ctx.nowMs))];
}

/** A missing value is a nil cell, which kubectl prints as nothing. */
function cellOf(column: CustomResourceColumnDefinition, obj: KubeObject, nowMs: number): Cell {
  let values: unknown[];
  try {
    values = queryJsonPath(column.jsonPath, obj);
  } catch {
    return '';
  }
  const value = values[0];
  if (value === undefined || value === null) return '';
  switch (column.type) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return formatGoNumber(value, 'int64');
      return typeof value === 'object' ? goJsonMarshal(value, 'int64') : String(value);
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : '';
    case 'number':
      return typeof value === 'number' ? value : '';
    case 'boolean':
      return typeof value === 'boolean' ? value : '';
    case 'date':
      if (typeof value !== 'string') return '';
      return Number.isNaN(Date.parse(value)) ? '<invalid>' : translateTimestampSince(value, nowMs);
  }
  return '';
}
