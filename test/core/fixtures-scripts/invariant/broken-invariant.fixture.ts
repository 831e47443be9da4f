// Run by test/core/test-hooks.test.ts in a child vitest, never by the suite itself: each test breaks
// one invariant that openCase checks after every import test, and the parent asserts that the child
// reported exactly those tests as failed, the clean one as passed, and every temp folder removed.
import { appendFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { openCase } from '../../interchange/support';

const record = (dir: string) => appendFileSync(process.env.CORDON_INVARIANT_DIRS!, `${dir}\n`);

it('leaves foreign-key checks off', async () => {
  const { dir, db } = await openCase();
  record(dir);
  db().pragma('foreign_keys = OFF');
  expect(dir).toBeTruthy();
});

it('leaves a dangling reference', async () => {
  const { dir, db } = await openCase();
  record(dir);
  db().pragma('foreign_keys = OFF');
  db().prepare("INSERT INTO layout_items (layout_id, entity_id, x, y, style) VALUES ('no-such-layout', 'no-such-entity', 0, 0, '{}')").run();
  db().pragma('foreign_keys = ON');
  expect(dir).toBeTruthy();
});

it('leaves a transaction open', async () => {
  const { dir, db } = await openCase();
  record(dir);
  db().prepare('BEGIN').run();
  expect(dir).toBeTruthy();
});

it('keeps every invariant', async () => {
  const { dir } = await openCase();
  record(dir);
  expect(dir).toBeTruthy();
});
