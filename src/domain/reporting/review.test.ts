import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import {
  filingStatusLabel,
  newCompilation,
  newFiling,
  reviewErrorToAppError,
  transitionCompiled,
  transitionFiling,
  type CompiledAction,
  type CompiledState,
  type FilingAction,
  type FilingActor,
  type FilingState,
  type FilingStatus,
  type Result,
} from './review';

function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
  return result.value;
}
const state = (status: FilingStatus, revision = 1, acceptedRevision: number | null = null): FilingState => ({
  status,
  revision,
  acceptedRevision,
});

describe('a filing’s review', () => {
  it('goes draft → submitted → returned → corrected draft (revision 2) → resubmitted → accepted', () => {
    let s = newFiling;
    const step = (action: FilingAction, actor: FilingActor) => {
      const t = must(transitionFiling(s, action, actor));
      s = t.state;
      return [t.effect, t.revision.no, t.revision.state, filingStatusLabel(s).vi];
    };
    expect(step({ type: 'save_draft' }, 'reporter')).toEqual(['draft_updated', 1, 'draft', 'Bản nháp']);
    expect(step({ type: 'submit' }, 'reporter')).toEqual([
      'submitted',
      1,
      'submitted',
      'Đã nộp, chờ tiếp nhận',
    ]);
    expect(step({ type: 'return', reason: 'Thiếu số lao động nữ' }, 'reviewer')).toEqual([
      'returned',
      1,
      'returned',
      'Bị trả lại',
    ]);
    expect(step({ type: 'save_draft' }, 'reporter')).toEqual(['revision_created', 2, 'draft', 'Bản nháp']);
    expect(step({ type: 'submit' }, 'reporter')).toEqual([
      'resubmitted',
      2,
      'submitted',
      'Đã nộp lại, chờ tiếp nhận',
    ]);
    expect(step({ type: 'accept' }, 'reviewer')).toEqual(['accepted', 2, 'accepted', 'Đã chấp nhận']);
    expect(s).toEqual({ status: 'accepted', revision: 2, acceptedRevision: 2 });
  });

  it('keeps the accepted revision’s figures while a correction goes through review again', () => {
    const correcting = must(transitionFiling(state('accepted', 2, 2), { type: 'save_draft' }, 'reporter'));
    expect(correcting).toMatchObject({
      effect: 'revision_created',
      state: { status: 'draft', revision: 3, acceptedRevision: 2 },
    });
    const submitted = must(transitionFiling(correcting.state, { type: 'submit' }, 'reporter'));
    const returned = must(
      transitionFiling(submitted.state, { type: 'return', reason: 'Sai đơn vị' }, 'reviewer'),
    );
    expect(returned.state).toEqual({ status: 'returned', revision: 3, acceptedRevision: 2 });
    const accepted = must(
      transitionFiling(
        must(
          transitionFiling(
            must(transitionFiling(returned.state, { type: 'save_draft' }, 'reporter')).state,
            { type: 'submit' },
            'reporter',
          ),
        ).state,
        { type: 'accept' },
        'reviewer',
      ),
    );
    expect(accepted.state).toEqual({ status: 'accepted', revision: 4, acceptedRevision: 4 });
  });

  it('requires a reason to return a report', () => {
    for (const reason of ['', '   ', 'x'.repeat(2001)]) {
      const result = transitionFiling(state('submitted'), { type: 'return', reason }, 'reviewer');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('report.reason_required');
    }
  });

  it('lets only the reporter file and only the reviewer decide', () => {
    const wrong: [FilingAction, FilingActor][] = [
      [{ type: 'save_draft' }, 'reviewer'],
      [{ type: 'submit' }, 'reviewer'],
      [{ type: 'return', reason: 'r' }, 'reporter'],
      [{ type: 'accept' }, 'reporter'],
    ];
    for (const [action, actor] of wrong) {
      const result = transitionFiling(state('submitted'), action, actor);
      expect(result.ok ? null : result.error.code).toBe('report.wrong_role');
    }
  });

  // Every (status, action) pair with the right actor: the outcome, or the error code.
  const actions: FilingAction[] = [
    { type: 'save_draft' },
    { type: 'submit' },
    { type: 'return', reason: 'Lý do' },
    { type: 'accept' },
  ];
  const actorFor = (a: FilingAction): FilingActor =>
    a.type === 'save_draft' || a.type === 'submit' ? 'reporter' : 'reviewer';
  const table: Record<FilingStatus, Record<FilingAction['type'], string>> = {
    draft: {
      save_draft: 'draft@1',
      submit: 'submitted@1',
      return: 'report.invalid_transition',
      accept: 'report.invalid_transition',
    },
    submitted: {
      save_draft: 'report.invalid_transition',
      submit: 'report.invalid_transition',
      return: 'returned@1',
      accept: 'accepted@1',
    },
    returned: {
      save_draft: 'draft@2',
      submit: 'report.invalid_transition',
      return: 'report.invalid_transition',
      accept: 'report.invalid_transition',
    },
    accepted: {
      save_draft: 'draft@2',
      submit: 'report.invalid_transition',
      return: 'report.frozen',
      accept: 'report.frozen',
    },
  };
  for (const [from, row] of Object.entries(table) as [FilingStatus, Record<string, string>][]) {
    for (const action of actions) {
      it(`from ${from}, ${action.type} → ${row[action.type]}`, () => {
        const result = transitionFiling(
          state(from, 1, from === 'accepted' ? 1 : null),
          action,
          actorFor(action),
        );
        expect(
          result.ok ? `${result.value.state.status}@${result.value.state.revision}` : result.error.code,
        ).toBe(row[action.type]);
      });
    }
  }

  it('never changes an accepted revision: a second acceptance is refused as frozen', () => {
    const result = transitionFiling(state('accepted', 1, 1), { type: 'accept' }, 'reviewer');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.vi).toContain('đã được chấp nhận và không thể thay đổi');
  });

  it('maps review errors to the error catalogue (409 for state conflicts, 400 for a missing reason, 403 for roles)', () => {
    const errorOf = (s: FilingState, a: FilingAction, actor: FilingActor) => {
      const r = transitionFiling(s, a, actor);
      if (r.ok) throw new Error('expected an error');
      return reviewErrorToAppError(r.error);
    };
    const frozen = errorOf(state('accepted', 1, 1), { type: 'accept' }, 'reviewer');
    expect(frozen).toBeInstanceOf(AppError);
    expect([frozen.code, frozen.status]).toEqual(['report.frozen', 409]);
    const invalid = errorOf(state('draft'), { type: 'accept' }, 'reviewer');
    expect([invalid.code, invalid.status]).toEqual(['report.invalid_transition', 409]);
    const reason = errorOf(state('submitted'), { type: 'return', reason: '' }, 'reviewer');
    expect([reason.code, reason.status, Object.keys(reason.details!.fields as object)]).toEqual([
      'validation',
      400,
      ['reason'],
    ]);
    expect(errorOf(state('draft'), { type: 'accept' }, 'reporter').status).toBe(403);
  });
});

describe('a compiled report’s review (Biểu 03/04)', () => {
  const items = ['clusters_in_plan', 'occupancy_pct'];
  const run = (s: CompiledState, action: CompiledAction) => transitionCompiled(s, action, items);

  it('goes compiled → annotated → signed, then a correction is version 2 that starts again', () => {
    const annotated = must(
      run(newCompilation, {
        type: 'annotate',
        item: 'occupancy_pct',
        note: 'CCN Bát Tràng chưa nộp Biểu 02; lấy số sổ đăng ký.',
      }),
    );
    expect(annotated).toMatchObject({ status: 'annotated', version: 1 });
    const signed = must(
      run(annotated, {
        type: 'sign',
        signerName: 'Nguyễn Văn A',
        signerTitle: 'Chủ tịch UBND xã',
        docNo: ' 12/BC-UBND ',
      }),
    );
    expect(signed).toMatchObject({
      status: 'signed',
      signature: { signerName: 'Nguyễn Văn A', docNo: '12/BC-UBND' },
    });
    const corrected = must(run(signed, { type: 'correct' }));
    expect(corrected).toEqual({
      status: 'annotated',
      version: 2,
      annotations: signed.annotations,
      signature: null,
    });
  });

  it('freezes a signed report: no recompute, note or second signature', () => {
    const signed: CompiledState = {
      ...newCompilation,
      status: 'signed',
      signature: { signerName: 'A', signerTitle: 'B', docNo: null },
    };
    for (const action of [
      { type: 'recompute' },
      { type: 'annotate', item: 'occupancy_pct', note: 'x' },
      { type: 'sign', signerName: 'A', signerTitle: 'B' },
    ] as CompiledAction[]) {
      const result = run(signed, action);
      expect(result.ok ? 'ok' : result.error.code).toBe('report.frozen');
    }
  });

  it('removes a note with an empty one, and refuses notes on items the form does not have', () => {
    const annotated = must(
      run(newCompilation, { type: 'annotate', item: 'clusters_in_plan', note: 'Theo QĐ 1292' }),
    );
    expect(must(run(annotated, { type: 'annotate', item: 'clusters_in_plan', note: '  ' }))).toMatchObject({
      status: 'compiled',
      annotations: {},
    });
    expect(run(newCompilation, { type: 'annotate', item: 'nope', note: 'x' }).ok).toBe(false);
  });

  it('needs the signer’s name and title, and corrects only what is signed', () => {
    expect(run(newCompilation, { type: 'sign', signerName: ' ', signerTitle: 'Giám đốc' }).ok).toBe(false);
    expect(
      must(run(newCompilation, { type: 'sign', signerName: 'B', signerTitle: 'Giám đốc' })).signature?.docNo,
    ).toBeNull();
    const result = run(newCompilation, { type: 'correct' });
    expect(result.ok ? 'ok' : result.error.code).toBe('report.invalid_transition');
    expect(must(run(newCompilation, { type: 'recompute' }))).toBe(newCompilation);
  });
});
