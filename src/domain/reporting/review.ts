import { AppError, validationError, type LocalizedText } from '../shared/errors';

/**
 * Review of reports as pure state machines; the service persists what they decide (and guards races with
 * `UPDATE … WHERE status = <from> AND version = <seen>`).
 *
 * A filing (Biểu 01/02, the parks' tenant report): draft → submitted → returned (with a reason) → a corrected
 * draft, which is a NEW revision → submitted again ("resubmitted") → accepted. Accepted is final: the
 * accepted revision never changes, and a correction after acceptance is revision n+1 that goes through review
 * again while the figures keep coming from the accepted one. A submitted revision is frozen too.
 *
 * A compiled report (Biểu 03/04, the parks' report): compiled → annotated (the officer's notes per item) →
 * signed, which freezes it; a correction after signing is a new version that starts again.
 */

export type ReviewErrorCode =
  'report.invalid_transition' | 'report.frozen' | 'report.reason_required' | 'report.wrong_role';

export type ReviewError = { code: ReviewErrorCode; action: string; from: string; message: LocalizedText };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ReviewError };

// ---------------------------------------------------------------------------------------------------------
// Filings

export type FilingStatus = 'draft' | 'submitted' | 'returned' | 'accepted';
export type FilingState = { status: FilingStatus; revision: number; acceptedRevision: number | null };
export type FilingActor = 'reporter' | 'reviewer';

export type FilingAction =
  { type: 'save_draft' } | { type: 'submit' } | { type: 'return'; reason: string } | { type: 'accept' };

export type FilingTransition = {
  state: FilingState;
  effect: 'draft_updated' | 'revision_created' | 'submitted' | 'resubmitted' | 'returned' | 'accepted';
  /** The revision whose state the transition sets (created when `effect` is `revision_created`). */
  revision: { no: number; state: FilingStatus };
};

/** A filing's first draft. */
export const newFiling: FilingState = { status: 'draft', revision: 1, acceptedRevision: null };

export const RETURN_REASON_MAX = 2000;

const statusLabels: Record<FilingStatus | 'resubmitted', LocalizedText> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Đã nộp, chờ tiếp nhận', en: 'Submitted' },
  resubmitted: { vi: 'Đã nộp lại, chờ tiếp nhận', en: 'Resubmitted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  accepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
};

/** What a user sees: a submitted later revision (after a return or a correction) reads "resubmitted". */
export function filingStatusLabel(state: FilingState): LocalizedText {
  return statusLabels[state.status === 'submitted' && state.revision > 1 ? 'resubmitted' : state.status];
}

const actionLabels: Record<FilingAction['type'], LocalizedText> = {
  save_draft: { vi: 'lưu bản nháp', en: 'save a draft' },
  submit: { vi: 'nộp báo cáo', en: 'submit' },
  return: { vi: 'trả lại báo cáo', en: 'return the report' },
  accept: { vi: 'chấp nhận báo cáo', en: 'accept the report' },
};

/** Who may take each action: the reporter files, the reviewer decides. */
const actorOf: Record<FilingAction['type'], FilingActor> = {
  save_draft: 'reporter',
  submit: 'reporter',
  return: 'reviewer',
  accept: 'reviewer',
};

function fail(
  code: ReviewErrorCode,
  action: string,
  from: string,
  message: LocalizedText,
): { ok: false; error: ReviewError } {
  return { ok: false, error: { code, action, from, message } };
}

export function transitionFiling(
  state: FilingState,
  action: FilingAction,
  actor: FilingActor,
): Result<FilingTransition> {
  const label = actionLabels[action.type];
  const from = statusLabels[state.status];
  if (actorOf[action.type] !== actor) {
    return fail('report.wrong_role', action.type, state.status, {
      vi:
        actor === 'reporter'
          ? `Đơn vị báo cáo không thể ${label.vi}.`
          : `Cán bộ tiếp nhận không thể ${label.vi} thay đơn vị báo cáo.`,
      en:
        actor === 'reporter'
          ? `A reporter cannot ${label.en}.`
          : `A reviewer cannot ${label.en} for the reporter.`,
    });
  }
  const ok = (next: FilingState, effect: FilingTransition['effect'], revisionState: FilingStatus) =>
    ({
      ok: true,
      value: { state: next, effect, revision: { no: next.revision, state: revisionState } },
    }) as const;
  const invalid = () =>
    fail('report.invalid_transition', action.type, state.status, {
      vi: `Không thể ${label.vi} khi báo cáo ở trạng thái "${from.vi}".`,
      en: `Cannot ${label.en} while the report is "${from.en}".`,
    });

  switch (action.type) {
    case 'save_draft':
      if (state.status === 'draft') return ok(state, 'draft_updated', 'draft');
      if (state.status === 'submitted') {
        return fail('report.invalid_transition', action.type, state.status, {
          vi: 'Báo cáo đang chờ cơ quan tiếp nhận xem xét; chỉ sửa được khi bị trả lại, hoặc sau khi được chấp nhận (tạo bản sửa đổi).',
          en: 'The report is with its reviewer; it can be corrected once returned, or after acceptance as a new revision.',
        });
      }
      // Returned or accepted: the submitted revision stays as it was; the correction is a new revision.
      return ok({ ...state, status: 'draft', revision: state.revision + 1 }, 'revision_created', 'draft');
    case 'submit':
      if (state.status !== 'draft') return invalid();
      return ok(
        { ...state, status: 'submitted' },
        state.revision > 1 ? 'resubmitted' : 'submitted',
        'submitted',
      );
    case 'return': {
      if (state.status === 'accepted') return frozenAccepted(action.type, state);
      if (state.status !== 'submitted') return invalid();
      const reason = action.reason.trim();
      if (!reason || reason.length > RETURN_REASON_MAX) {
        return fail('report.reason_required', action.type, state.status, {
          vi: `Cần ghi lý do trả lại (tối đa ${RETURN_REASON_MAX} ký tự).`,
          en: `A reason for returning the report is required (at most ${RETURN_REASON_MAX} characters).`,
        });
      }
      return ok({ ...state, status: 'returned' }, 'returned', 'returned');
    }
    case 'accept':
      if (state.status === 'accepted') return frozenAccepted(action.type, state);
      if (state.status !== 'submitted') return invalid();
      return ok({ ...state, status: 'accepted', acceptedRevision: state.revision }, 'accepted', 'accepted');
  }
}

function frozenAccepted(action: string, state: FilingState): { ok: false; error: ReviewError } {
  return fail('report.frozen', action, state.status, {
    vi: `Bản báo cáo lần ${state.revision} đã được chấp nhận và không thể thay đổi; đơn vị báo cáo có thể gửi bản sửa đổi.`,
    en: `Revision ${state.revision} was accepted and cannot change; the reporter may file a correction.`,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Compiled reports

export type CompiledStatus = 'compiled' | 'annotated' | 'signed';
export type CompiledState = {
  status: CompiledStatus;
  version: number;
  /** Officer's notes by item indicator code. */
  annotations: Readonly<Record<string, string>>;
  signature: { signerName: string; signerTitle: string; docNo: string | null } | null;
};

export type CompiledAction =
  | { type: 'recompute' }
  | { type: 'annotate'; item: string; note: string }
  | { type: 'sign'; signerName: string; signerTitle: string; docNo?: string | null }
  | { type: 'correct' };

export const newCompilation: CompiledState = {
  status: 'compiled',
  version: 1,
  annotations: {},
  signature: null,
};

export const ANNOTATION_MAX = 4000;

const compiledLabels: Record<CompiledStatus, LocalizedText> = {
  compiled: { vi: 'Đã tổng hợp', en: 'Compiled' },
  annotated: { vi: 'Đã ghi chú', en: 'Annotated' },
  signed: { vi: 'Đã ký ban hành', en: 'Signed' },
};

export function compiledStatusLabel(state: CompiledState): LocalizedText {
  return compiledLabels[state.status];
}

/**
 * `items` lists the form's indicator codes, so a note cannot be attached to an item the form does not have.
 */
export function transitionCompiled(
  state: CompiledState,
  action: CompiledAction,
  items: readonly string[],
): Result<CompiledState> {
  if (state.status === 'signed' && action.type !== 'correct') {
    return fail('report.frozen', action.type, state.status, {
      vi: `Báo cáo phiên bản ${state.version} đã ký và không thể thay đổi; hãy tạo phiên bản sửa đổi.`,
      en: `Version ${state.version} is signed and cannot change; create a corrected version.`,
    });
  }
  const withNotes = (annotations: Record<string, string>): CompiledStatus =>
    Object.keys(annotations).length ? 'annotated' : 'compiled';
  switch (action.type) {
    case 'recompute':
      return { ok: true, value: state };
    case 'annotate': {
      if (!items.includes(action.item)) {
        return fail('report.invalid_transition', action.type, state.status, {
          vi: `Biểu không có chỉ tiêu "${action.item}".`,
          en: `The form has no item "${action.item}".`,
        });
      }
      const note = action.note.trim();
      if (note.length > ANNOTATION_MAX) {
        return fail('report.invalid_transition', action.type, state.status, {
          vi: `Ghi chú tối đa ${ANNOTATION_MAX} ký tự.`,
          en: `A note has at most ${ANNOTATION_MAX} characters.`,
        });
      }
      const annotations = { ...state.annotations };
      if (note) annotations[action.item] = note;
      else delete annotations[action.item];
      return { ok: true, value: { ...state, annotations, status: withNotes(annotations) } };
    }
    case 'sign': {
      const signerName = action.signerName.trim();
      const signerTitle = action.signerTitle.trim();
      if (!signerName || !signerTitle) {
        return fail('report.invalid_transition', action.type, state.status, {
          vi: 'Cần ghi họ tên và chức vụ người ký.',
          en: 'The signer’s name and title are required.',
        });
      }
      const docNo = action.docNo?.trim() || null;
      return {
        ok: true,
        value: { ...state, status: 'signed', signature: { signerName, signerTitle, docNo } },
      };
    }
    case 'correct':
      if (state.status !== 'signed') {
        return fail('report.invalid_transition', action.type, state.status, {
          vi: 'Chỉ tạo phiên bản sửa đổi cho báo cáo đã ký; báo cáo chưa ký thì sửa trực tiếp.',
          en: 'Only a signed report takes a corrected version; an unsigned one is edited directly.',
        });
      }
      // The officer's notes carry over to the new version; the signed one keeps its own, frozen.
      return {
        ok: true,
        value: {
          status: withNotes({ ...state.annotations }),
          version: state.version + 1,
          annotations: { ...state.annotations },
          signature: null,
        },
      };
  }
}

/** The one place a review error becomes an `AppError` (HTTP status and message via the error catalogue). */
export function reviewErrorToAppError(error: ReviewError): AppError {
  switch (error.code) {
    case 'report.reason_required':
      return validationError({ reason: error.message });
    case 'report.invalid_transition':
      // Editing a report that is with its reviewer: the reporter's form shows it beside the figures.
      if (error.action === 'save_draft') return validationError({ values: error.message });
      return new AppError(error.code, { action: error.action, from: error.from, reason: error.message });
    case 'report.wrong_role':
      return new AppError('forbidden', { action: error.action });
    case 'report.frozen':
      return new AppError(error.code, { action: error.action, from: error.from, reason: error.message });
  }
}
