import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import { communes, makeUser, manualClock, testDeps } from '../testing';
import { sendObstacleReminders } from './obstacle-reminder.service';
import { raiseObstacle } from './obstacle.service';
import { buildZone } from '../testing/factories';

let database: TestDatabase;
const DAY = 86_400_000;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildZone(database.db, {
    code: 'CCN-NHAC',
    name: 'CCN Nhắc hạn',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    developerCode: null,
  });
});
afterAll(() => database?.cleanup());

const inbox = async (userId: string) =>
  (
    (await database.db.execute(
      sql`select kind, title_vi, link from notification where user_id = ${userId} order by id`,
    )) as unknown as { rows: { kind: string; title_vi: string; link: string }[] }
  ).rows;

describe('obstacle deadline reminders', () => {
  it('reminds the agencies 7 days before, once, and gives notice when the deadline has passed', async () => {
    const commune = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
      email: 'xa@example.vn',
    });
    const department = await makeUser(database.db, {
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'CCN',
    });
    const parks = await makeUser(database.db, {
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'KCN',
    });
    const clock = manualClock(new Date('2026-06-20T03:00:00Z'));
    const obstacle = await raiseObstacle(testDeps(database.db, commune.actor, clock), {
      zoneCode: 'CCN-NHAC',
      categoryCode: 'land_clearance',
      title: 'Chưa bàn giao mặt bằng lô C',
      agency: 'UBND xã Đông Anh',
      raisedOn: '2026-06-20',
      deadline: '2026-06-30',
    });
    const run = (c: typeof clock) =>
      sendObstacleReminders(testDeps(database.db, systemActor('system:reminders'), c));
    expect((await run(clock)).notificationsCreated).toBe(0); // ten days ahead: nothing yet

    clock.advance(3 * DAY); // 23 June: seven days left
    expect((await run(clock)).notificationsCreated).toBe(2);
    expect((await run(clock)).notificationsCreated).toBe(0); // once per stage
    expect(await inbox(department.user.id)).toEqual([
      {
        kind: 'obstacle_due',
        title_vi: 'Vướng mắc sắp đến hạn xử lý (30/6/2026) — CCN Nhắc hạn',
        link: `/monitoring?tab=obstacles&obstacle=${obstacle.id}`,
      },
    ]);
    expect(await inbox(parks.user.id)).toEqual([]);

    clock.advance(8 * DAY); // 1 July: past the deadline
    await run(clock);
    const notices = await inbox(commune.user.id);
    expect(notices.map((n) => n.kind)).toEqual(['obstacle_due', 'obstacle_overdue']);
    const mail = (
      (await database.db.execute(
        sql`select status from outbound_mail where to_address = 'xa@example.vn' order by id`,
      )) as unknown as { rows: { status: string }[] }
    ).rows;
    expect(mail.map((m) => m.status)).toEqual(['skipped', 'skipped']);
  });
});
