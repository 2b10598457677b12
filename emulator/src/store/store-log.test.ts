import { expect, test } from 'vitest';
import { emptyState } from '../domain/state.js';
import { replayLog } from './store-log.js';
import { StoreError } from './store-errors.js';

const line = (entry: object) => `${JSON.stringify(entry)}\n`;
const rec = (v: number) => ({
  id: 'g',
  domain_id: 'd',
  name: `n${v}`,
  description: '',
  created_at: v,
});

test('replays changes in order: last value wins, null deletes, meta replaced', () => {
  const text =
    line({
      seq: 1,
      changes: [
        { c: 'groups', id: 'g', v: rec(1) },
        { c: 'groups', id: 'h', v: rec(9) },
      ],
    }) +
    line({
      seq: 2,
      changes: [
        { c: 'groups', id: 'g', v: rec(2) },
        { c: 'groups', id: 'h', v: null },
      ],
      meta: { created_at: 0, starts: 7 },
    });
  const out = replayLog(emptyState(), text, 'db.wal');
  expect(out).toMatchObject({ lines: 2, lastSeq: 2, tornTail: false });
  const doc = out.doc as ReturnType<typeof emptyState>;
  expect(doc.groups).toEqual({ g: rec(2) });
  expect(doc.meta.starts).toBe(7);
});

test('replaying lines already applied changes nothing (idempotent)', () => {
  const text =
    line({ seq: 1, changes: [{ c: 'groups', id: 'g', v: rec(1) }] }) +
    line({ seq: 2, full: { ...emptyState(), groups: { x: rec(5) } } }) +
    line({ seq: 3, changes: [{ c: 'groups', id: 'g', v: rec(3) }] });
  const once = replayLog(emptyState(), text, 'db.wal').doc;
  const twice = replayLog(structuredClone(once), text, 'db.wal').doc;
  expect(twice).toEqual(once);
  expect((once as ReturnType<typeof emptyState>).groups).toEqual({ x: rec(5), g: rec(3) });
});

test('ignores a torn last line (a crash mid-append)', () => {
  const text =
    line({ seq: 1, changes: [{ c: 'groups', id: 'g', v: rec(1) }] }) +
    '{"seq":2,"changes":[{"c":"gro';
  const out = replayLog(emptyState(), text, 'db.wal');
  expect(out).toMatchObject({ lines: 1, lastSeq: 1, tornTail: true });
  expect((out.doc as ReturnType<typeof emptyState>).groups).toEqual({ g: rec(1) });
});

test('refuses a corrupt line before the last, naming the file and line', () => {
  const text = line({ seq: 1, changes: [] }) + '{"seq":2,"chan\n' + line({ seq: 3, changes: [] });
  expect(() => replayLog(emptyState(), text, '/x/db.wal')).toThrow(StoreError);
  try {
    replayLog(emptyState(), text, '/x/db.wal');
  } catch (error) {
    expect((error as StoreError).code).toBe('STORE_LOG_CORRUPT');
    expect((error as StoreError).message).toContain('/x/db.wal: line 2');
    expect((error as StoreError).message).toContain('left untouched');
  }
  expect(() =>
    replayLog(emptyState(), line({ seq: 1, changes: [{ c: 'groups', v: 1 }] }), 'db.wal'),
  ).toThrow(/malformed change/);
});

test('an ID such as __proto__ is stored as a record, not as the prototype', () => {
  const out = replayLog(
    emptyState(),
    line({ seq: 1, changes: [{ c: 'groups', id: '__proto__', v: rec(1) }] }),
    'db.wal',
  );
  const groups = (out.doc as ReturnType<typeof emptyState>).groups;
  expect(Object.hasOwn(groups, '__proto__')).toBe(true);
  expect(Object.getPrototypeOf(groups)).toBe(Object.prototype);
});
