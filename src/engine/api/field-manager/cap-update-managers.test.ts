import { describe, expect, it } from 'vitest';
import { capUpdateManagers } from './cap-update-managers.ts';
import { fromFieldsV1 } from './field-set.ts';
import { encodeManagedFields, managerKey, type ManagerEntry, type Managers } from './managed-fields.ts';

function updater(n: number, apiVersion = 'apps/v1'): ManagerEntry {
  const time = `2026-12-06T10:${String(n).padStart(2, '0')}:00Z`;
  return { manager: `tool-${n}`, operation: 'Update', apiVersion, time, set: fromFieldsV1({ 'f:metadata': { 'f:labels': { [`f:l${n}`]: {} } } }) };
}

function managersOf(...entries: ManagerEntry[]): Managers {
  return new Map(entries.map((e) => [managerKey(e), e]));
}

const summary = (managers: Managers) => encodeManagedFields(managers).map((e) => `${e.operation} ${e.manager} ${e.time} ${JSON.stringify(e.fieldsV1)}`);

// The rule of apiserver fieldmanager internal/capmanagers.go: Update entries past ten fold, oldest first.
describe('capUpdateManagers', () => {
  it('leaves ten Update managers alone', () => {
    const managers = managersOf(...Array.from({ length: 10 }, (_, i) => updater(i + 1)));
    capUpdateManagers(managers);
    expect(managers.size).toBe(10);
  });

  it('folds the oldest Update managers into one ancient-changes entry', () => {
    const managers = managersOf(...Array.from({ length: 12 }, (_, i) => updater(i + 1)), { ...updater(0), operation: 'Apply', manager: 'applier' });
    capUpdateManagers(managers);
    const lines = summary(managers);
    expect(lines.filter((l) => l.startsWith('Update'))).toHaveLength(10);
    expect(lines).toContain('Apply applier 2026-12-06T10:00:00Z {"f:metadata":{"f:labels":{"f:l0":{}}}}');
    expect(lines).toContain('Update ancient-changes 2026-12-06T10:03:00Z {"f:metadata":{"f:labels":{"f:l1":{},"f:l2":{},"f:l3":{}}}}');
    expect(lines.some((l) => / tool-[123] /.test(l))).toBe(false);
  });

  it('keeps one bucket per apiVersion', () => {
    const managers = managersOf(updater(1, 'v1'), updater(2, 'apps/v1'), updater(3, 'v1'), ...Array.from({ length: 9 }, (_, i) => updater(i + 4)));
    capUpdateManagers(managers);
    const lines = summary(managers);
    expect(lines.filter((l) => l.startsWith('Update'))).toHaveLength(10);
    expect(lines).toContain('Update ancient-changes 2026-12-06T10:03:00Z {"f:metadata":{"f:labels":{"f:l1":{},"f:l3":{}}}}');
  });
});
