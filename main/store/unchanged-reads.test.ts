// Kept reads against a real SQLite file: kept while nothing changes, read again after any write
// on this connection or a commit on another, never kept inside a transaction or from a read
// that wrote.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { unchangedRead } from './unchanged-reads';

let file: string;
let db: Database.Database;
let other: Database.Database;
let reads = 0;
const count = () =>
  unchangedRead(db, 'count', () => {
    reads++;
    return db.prepare('SELECT count(*) FROM t').pluck().get() as number;
  });

beforeEach(() => {
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-unchanged-')), 'db.sqlite');
  db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (x INTEGER)');
  other = new Database(file);
  reads = 0;
});
afterEach(() => {
  other.close();
  db.close();
});

it('reads once while the store is unchanged, with a key per parameter', () => {
  expect([count(), count(), count()]).toEqual([0, 0, 0]);
  expect(reads).toBe(1);
  expect(unchangedRead(db, 'other', () => 'b')).toBe('b');
  expect(count()).toBe(0);
  expect(reads).toBe(1);
});

it('reads again after a write on this connection, and after a commit on another', () => {
  count();
  db.exec('INSERT INTO t VALUES (1)');
  expect(count()).toBe(1);
  other.exec('INSERT INTO t VALUES (2)');
  expect(count()).toBe(2);
  other.exec('DELETE FROM t');
  expect(count()).toBe(0);
  expect(reads).toBe(4);
});

it('keeps nothing read inside a transaction, which may roll back', () => {
  count();
  expect(() =>
    db.transaction(() => {
      db.exec('INSERT INTO t VALUES (1)');
      expect(count()).toBe(1);
      throw new Error('roll back');
    })(),
  ).toThrow('roll back');
  expect(count()).toBe(0);
});

it('keeps nothing from a read that wrote', () => {
  const writing = () =>
    unchangedRead(db, 'writing', () => {
      db.exec('INSERT INTO t VALUES (1)');
      return db.prepare('SELECT count(*) FROM t').pluck().get() as number;
    });
  expect(writing()).toBe(1);
  expect(writing()).toBe(2);
});
