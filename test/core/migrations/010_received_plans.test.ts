import { describe, expect, it } from 'vitest';
import { up } from '../../../electron/core/store/migrations/010_received_plans';
import { beforeMigration } from './support';

describe('migration 010: received operation plans', () => {
  it('adds the tables, one plan per operation per package, targets removed with their plan', () => {
    const { db, apply } = beforeMigration(up);
    db.prepare("INSERT INTO entities (id, schema, caption, sort_key, is_link, created_at, updated_at) VALUES ('p1', 'Person', 'Ana', 'ana', 0, 'now', 'now')").run();
    apply();
    db.pragma('foreign_keys = ON');
    const plan = db.prepare(
      "INSERT INTO received_plans (id, package_id, operation_id, sender_bureau, sender_officer, sent_at, received_at, name, code_word, lead_bureau, status, action_day, plan) VALUES (?, 'pkg', 'op1', 'ES', 'Ana García', 'then', 'now', 'Op', 'CW', 'ES', 'planning', NULL, '{}')",
    );
    plan.run('r1');
    expect(() => plan.run('r2')).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO received_plan_targets (plan_id, entity_id, reason, bureau, mapped) VALUES ('r1', 'p1', 'leader', 'ES', 1)").run();
    expect(() => db.prepare("INSERT INTO received_plan_targets (plan_id, entity_id, reason, bureau, mapped) VALUES ('r1', 'p2', '', 'ES', 2)").run()).toThrow(/CHECK/);
    // Existing data is untouched.
    expect(db.prepare('SELECT caption FROM entities').pluck().all()).toEqual(['Ana']);
    db.prepare("DELETE FROM received_plans WHERE id = 'r1'").run();
    expect(db.prepare('SELECT count(*) FROM received_plan_targets').pluck().get()).toBe(0);
    db.close();
  });
});
