import { sql } from 'drizzle-orm';
import { formatDate, toIsoDate } from '../../domain/format/format';
import {
  OBSTACLE_NOTICE_LOOKBACK_DAYS,
  OBSTACLE_REMINDER_DAYS,
  obstacleReminderStage,
  type ObstacleStatus,
} from '../../domain/monitoring/obstacle';
import { addDays } from '../../domain/reporting/calendar';
import type { ServiceDeps } from '../deps';
import { notifyUsers, type Notice, type NoticeRecipient } from '../notification/notification.service';
import type { Mailer } from '../system/mailer';
import { rowsOf } from '../../db/rows';

/**
 * Reminders before an obstacle's deadline (7 and 1 days) and a notice the day it has passed, to the users of
 * the agencies that must act on it: the commune officers of the zone's commune, the department officers of its
 * family, and the office that raised it. In-app and e-mail through notifyUsers (services/notification), each stage
 * once per user and address (`obstacle:<id>:<deadline>:<stage>` — a new deadline starts again).
 */

type Raw = Record<string, unknown>;

export type ObstacleReminderRun = {
  today: string;
  notices: number;
  notificationsCreated: number;
  mailSent: number;
};

export async function sendObstacleReminders(
  deps: ServiceDeps,
  options: { mailer?: Mailer | null; publicUrl?: string } = {},
): Promise<ObstacleReminderRun> {
  const today = toIsoDate(deps.clock.now());
  const from = addDays(today, -OBSTACLE_NOTICE_LOOKBACK_DAYS);
  const to = addDays(today, Math.max(...OBSTACLE_REMINDER_DAYS));
  const due = rowsOf(
    await deps.db.execute(sql`
      select o.id, o.title, o.agency, o.deadline::text as deadline, o.status, z.code as zone_code, z.name as zone_name,
        case when z.kind = 'CCN' then 'CCN' else 'KCN' end as family,
        (select u.code from admin_unit u where u.id = z.commune_id) as commune_code,
        o.raiser_role, o.raiser_scope_kind, o.raiser_scope_ref
      from obstacle o join zone z on z.id = o.zone_id
      where o.status in ('open', 'in_progress', 'escalated') and o.deadline between ${from}::date and ${to}::date
      order by o.deadline, o.id`),
  );
  const run: ObstacleReminderRun = { today, notices: 0, notificationsCreated: 0, mailSent: 0 };
  for (const o of due) {
    const deadline = String(o.deadline);
    const stage = obstacleReminderStage({ status: o.status as ObstacleStatus, deadline }, today);
    if (!stage) continue;
    const recipients = rowsOf(
      await deps.db.execute(sql`
        select distinct u.id, u.email from app_user u join role_assignment a on a.user_id = u.id
        where u.status = 'active' and (
          (a.role_code = 'commune_officer' and a.scope_kind = 'commune' and a.scope_ref = ${o.commune_code as string | null})
          or (a.role_code = 'department_officer' and a.scope_kind = 'family' and a.scope_ref = ${String(o.family)})
          or (a.role_code = ${String(o.raiser_role)} and a.scope_kind = ${String(o.raiser_scope_kind)}
              and a.scope_ref is not distinct from ${o.raiser_scope_ref as string | null}))`),
    ).map((r): NoticeRecipient => ({ userId: String(r.id), email: (r.email as string | null) ?? null }));
    if (!recipients.length) continue;
    const notice = noticeText(o, deadline, stage, options.publicUrl);
    const outcome = await notifyUsers(
      deps,
      { ...notice, recipients },
      { delivery: { mailer: options.mailer ?? null } },
    );
    run.notices += 1;
    run.notificationsCreated += outcome.created;
    run.mailSent += outcome.mail.sent;
  }
  return run;
}

function noticeText(
  o: Raw,
  deadline: string,
  stage: string,
  publicUrl: string | undefined,
): Omit<Notice, 'recipients'> {
  const link = `/monitoring?tab=obstacles&obstacle=${String(o.id)}`;
  const url = `${(publicUrl ?? '').replace(/\/+$/, '')}${link}`;
  const dateVi = formatDate(deadline, { locale: 'vi' });
  const dateEn = formatDate(deadline, { locale: 'en' });
  const passed = stage === 'overdue';
  const title = {
    vi: passed
      ? `Vướng mắc đã quá hạn xử lý (${dateVi}) — ${String(o.zone_name)}`
      : `Vướng mắc sắp đến hạn xử lý (${dateVi}) — ${String(o.zone_name)}`,
    en: passed
      ? `Obstacle past its deadline (${dateEn}) — ${String(o.zone_name)}`
      : `Obstacle deadline approaching (${dateEn}) — ${String(o.zone_name)}`,
  };
  const body = {
    vi: `“${String(o.title)}”. Cơ quan chịu trách nhiệm: ${String(o.agency)}.`,
    en: `“${String(o.title)}”. Responsible agency: ${String(o.agency)}.`,
  };
  return {
    kind: passed ? 'obstacle_overdue' : 'obstacle_due',
    key: `obstacle:${String(o.id)}:${deadline}:${stage}`,
    title,
    body,
    link,
    mail: {
      subject: `[IZIS] ${title.vi}`,
      text: [
        'Kính gửi Quý cơ quan,',
        '',
        `${title.vi}.`,
        `${body.vi}`,
        '',
        `Xem và cập nhật tại: ${url}`,
        '',
        'Thư này được gửi tự động từ Hệ thống thông tin khu, cụm công nghiệp (IZIS); vui lòng không trả lời.',
        '',
        '---',
        `${title.en}. ${body.en} ${url}`,
      ].join('\n'),
    },
  };
}
