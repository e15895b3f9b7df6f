import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../db/client';
import { appRole } from '../../db/privileges';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import { testDeps } from '../testing';
import { auditChainHead, verifyAuditChain } from './audit-chain.service';
import { recordAudit, recordAudits } from './audit.service';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const deps = () => testDeps(database.db, systemActor('test:audit'));

async function write(n: number, tag: string) {
  for (let i = 0; i < n; i += 1) {
    await recordAudit(deps().db, deps(), {
      action: 'test.write',
      entityType: 'test',
      entityId: `${tag}-${i}`,
      before: null,
      after: { i, text: 'Đông Anh', at: '2026-06-20' },
    });
  }
}

/** Edits rows around the append-only trigger, as the database owner can (one statement at a time). */
async function tamper(...statements: string[]) {
  await database.ownerQuery('alter table audit_log disable trigger audit_log_no_update_delete');
  try {
    for (const statement of statements) await database.ownerQuery(statement);
  } finally {
    await database.ownerQuery('alter table audit_log enable trigger audit_log_no_update_delete');
  }
}

describe('the audit chain', () => {
  it('links every row written through recordAudit to the previous one, and the head names the last', async () => {
    await write(5, 'a');
    await recordAudits(
      database.db,
      deps(),
      Array.from({ length: 2500 }, (_, i) => ({
        action: 'test.bulk',
        entityType: 'test',
        entityId: `b-${i}`,
      })),
    );
    const result = await verifyAuditChain(deps());
    expect(result.firstBreak).toBeNull();
    expect(result.ok).toBe(true);
    const [last] = await database.query<{ seq: string; hash: string; n: string }>(
      `select seq::text, hash, (select count(*) from audit_log)::text as n from audit_log order by audit_log.seq desc limit 1`,
    );
    expect(result.checked).toBe(Number(last!.n));
    expect(await auditChainHead(deps())).toEqual({ seq: Number(last!.seq), hash: last!.hash });
  });

  it('stays one unbroken sequence when many transactions write at once', async () => {
    const before = (await auditChainHead(deps())).seq;
    await Promise.all(
      Array.from({ length: 12 }, (_, w) =>
        database.db.transaction(async (tx) => {
          for (let i = 0; i < 3; i += 1) {
            await recordAudit(tx, deps(), {
              action: 'test.concurrent',
              entityType: 'test',
              entityId: `${w}-${i}`,
            });
          }
        }),
      ),
    );
    const result = await verifyAuditChain(deps());
    expect(result.ok).toBe(true);
    expect(result.head.seq).toBe(before + 36);
  });

  it('chains a transaction’s rows when it commits, and a rolled-back transaction leaves none', async () => {
    const before = (await auditChainHead(deps())).seq;
    await database.db.transaction(async (tx) => {
      await recordAudit(tx, deps(), { action: 'test.staged', entityType: 'test', entityId: 's-1' });
      await recordAudit(tx, deps(), { action: 'test.staged', entityType: 'test', entityId: 's-2' });
      // Staged, not chained, until the commit.
      expect((await auditChainHead({ ...deps(), db: tx })).seq).toBe(before);
    });
    const rows = await database.query<{ entity_id: string; seq: string }>(
      `select entity_id, seq::text from audit_log where action = 'test.staged' order by seq`,
    );
    expect(rows.map((r) => [r.entity_id, Number(r.seq)])).toEqual([
      ['s-1', before + 1],
      ['s-2', before + 2],
    ]);
    await expect(
      database.db.transaction(async (tx) => {
        await recordAudit(tx, deps(), { action: 'test.rolled-back', entityType: 'test', entityId: 'r-1' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const [left] = await database.ownerQuery<{ chained: number; staged: number }>(
      `select (select count(*)::int from audit_log where action = 'test.rolled-back') as chained,
        (select count(*)::int from audit_pending) as staged`,
    );
    expect(left).toEqual({ chained: 0, staged: 0 });
    const result = await verifyAuditChain(deps());
    expect(result.ok).toBe(true);
    expect(result.head.seq).toBe(before + 2);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'does not hold the chain while a transaction that wrote an audit row is still open',
    async () => {
      const other = await openPostgres(database.url!, { role: appRole });
      try {
        const before = (await auditChainHead(deps())).seq;
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let staged!: () => void;
        const wrote = new Promise<void>((resolve) => (staged = resolve));
        const open = database.db.transaction(async (tx) => {
          await recordAudit(tx, deps(), { action: 'test.open', entityType: 'test', entityId: 'o-1' });
          staged();
          await held;
        });
        await wrote;
        // Another process's write commits while the first transaction is still open (it waited until that
        // transaction's commit before: a lock timeout would fail it here).
        await other.db.transaction(async (tx) => {
          await tx.execute(sql`set local lock_timeout = '2s'`);
          await recordAudit(tx, deps(), { action: 'test.other', entityType: 'test', entityId: 'x-1' });
        });
        release();
        await open;
        const rows = await database.query<{ action: string; seq: string }>(
          `select action, seq::text from audit_log where action in ('test.open', 'test.other') order by seq`,
        );
        // Chained in the order they committed.
        expect(rows.map((r) => [r.action, Number(r.seq)])).toEqual([
          ['test.other', before + 1],
          ['test.open', before + 2],
        ]);
        expect((await verifyAuditChain(deps())).ok).toBe(true);
      } finally {
        await other.close();
      }
    },
  );

  it('names the row an owner edited in SQL, even with its hash recomputed, and a removed tail', async () => {
    await write(3, 'c');
    const [target] = await database.query<{ id: string; seq: string }>(
      `select id::text, seq::text from audit_log where entity_id = 'c-1'`,
    );
    const exported = await auditChainHead(deps());

    await tamper(`update audit_log set after = '{"i": 1, "text": "Sóc Sơn"}' where id = ${target!.id}`);
    const edited = await verifyAuditChain(deps());
    expect(edited.ok).toBe(false);
    expect(edited.firstBreak).toEqual({ id: target!.id, seq: Number(target!.seq), reason: 'content' });

    // Recomputing the edited row's hash moves the break to the link from the next row.
    await tamper(`update audit_log set hash = audit_row_hash(seq, at, actor_id, actor_name, action, entity_type,
      entity_id, before, after, request_id, prev_hash) where id = ${target!.id}`);
    const relinked = await verifyAuditChain(deps());
    expect(relinked.firstBreak).toMatchObject({ seq: Number(target!.seq) + 1, reason: 'link' });

    // Rewriting the whole tail consistently is caught by the head exported before.
    const next = Number(target!.seq) + 1;
    await tamper(
      `update audit_log set prev_hash = (select hash from audit_log where seq = ${next - 1}) where seq = ${next}`,
      `update audit_log set hash = audit_row_hash(seq, at, actor_id, actor_name, action, entity_type,
        entity_id, before, after, request_id, prev_hash) where seq = ${next}`,
      `update audit_chain_head set hash = (select hash from audit_log where seq = ${next})`,
    );
    expect((await verifyAuditChain(deps())).ok).toBe(true);
    expect((await verifyAuditChain(deps(), exported)).firstBreak).toMatchObject({
      seq: exported.seq,
      reason: 'anchor',
    });

    await tamper(`delete from audit_log where seq = ${exported.seq}`);
    expect((await verifyAuditChain(deps())).firstBreak).toMatchObject({ seq: exported.seq, reason: 'head' });
  });
});

describe("the application's database role", () => {
  it('cannot write audit rows directly, move the head, disable the triggers or drop the trail', async () => {
    const refused = [
      `insert into audit_log (seq, action, entity_type, entity_id, prev_hash, hash) values (999999, 'forged', 'test', '1', '', '')`,
      `update audit_chain_head set seq = 0`,
      `alter table audit_log disable trigger audit_log_no_update_delete`,
      `alter table audit_log disable trigger all`,
      `alter table investment_event disable trigger all`,
      `drop table audit_log`,
      `create or replace function audit_append(p_rows jsonb) returns bigint language sql as 'select 0::bigint'`,
      `set session_replication_role = replica`,
    ];
    for (const statement of refused) {
      await expect(database.query(statement), statement).rejects.toThrow(
        /permission denied|must be owner|insufficient|superuser/i,
      );
    }
    const [who] = await database.query<{ user: string }>('select current_user as user');
    expect(who!.user).toBe('izis_app');
  });
});
