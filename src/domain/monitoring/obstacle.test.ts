import { describe, expect, it } from 'vitest';
import { allowedObstacleActions, nextObstacleStatus, obstacleDaysOverdue } from './obstacle';

describe('the obstacle state machine', () => {
  it('moves open → in progress → escalated → resolved', () => {
    expect(nextObstacleStatus('open', 'start')).toBe('in_progress');
    expect(nextObstacleStatus('in_progress', 'escalate')).toBe('escalated');
    expect(nextObstacleStatus('escalated', 'resolve')).toBe('resolved');
  });

  it('refuses to escalate or resolve a closed obstacle, and lets it be reopened', () => {
    expect(nextObstacleStatus('resolved', 'escalate')).toBeNull();
    expect(nextObstacleStatus('dropped', 'resolve')).toBeNull();
    expect(nextObstacleStatus('dropped', 'reopen')).toBe('open');
    expect(allowedObstacleActions('resolved')).toEqual(['reopen', 'comment']);
  });

  it('accepts a comment in every status and an agreement only while open', () => {
    expect(nextObstacleStatus('escalated', 'comment')).toBe('escalated');
    expect(nextObstacleStatus('in_progress', 'agree')).toBe('in_progress');
    expect(nextObstacleStatus('resolved', 'agree')).toBeNull();
  });
});

describe('an overdue obstacle', () => {
  it('is on time on its deadline day and overdue the day after', () => {
    const o = { status: 'open' as const, deadline: '2026-03-31' };
    expect(obstacleDaysOverdue(o, '2026-03-31')).toBeNull();
    expect(obstacleDaysOverdue(o, '2026-04-01')).toBe(1);
  });

  it('waits the grace days, and never counts a resolved or undated obstacle', () => {
    expect(obstacleDaysOverdue({ status: 'open', deadline: '2026-03-31' }, '2026-04-03', 3)).toBeNull();
    expect(obstacleDaysOverdue({ status: 'open', deadline: '2026-03-31' }, '2026-04-04', 3)).toBe(4);
    expect(obstacleDaysOverdue({ status: 'resolved', deadline: '2026-03-31' }, '2026-05-01')).toBeNull();
    expect(obstacleDaysOverdue({ status: 'open', deadline: null }, '2026-05-01')).toBeNull();
  });
});

describe('reminders of an obstacle’s deadline', () => {
  it('reminds 7 and 1 days before, and gives notice once it has passed', async () => {
    const { obstacleReminderStage } = await import('./obstacle');
    const o = { status: 'open' as const, deadline: '2026-06-30' };
    expect(obstacleReminderStage(o, '2026-06-20')).toBeNull();
    expect(obstacleReminderStage(o, '2026-06-23')).toBe('due-7');
    expect(obstacleReminderStage(o, '2026-06-29')).toBe('due-1');
    expect(obstacleReminderStage(o, '2026-06-30')).toBe('due-1');
    expect(obstacleReminderStage(o, '2026-07-01')).toBe('overdue');
    expect(obstacleReminderStage(o, '2026-08-15')).toBeNull();
    expect(obstacleReminderStage({ ...o, status: 'resolved' }, '2026-06-29')).toBeNull();
  });
});
