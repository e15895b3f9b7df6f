import { App } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { FormVersion } from '../../../../domain/reporting/form-types';
import { comparisonPeriod, formatPeriod, parsePeriod, periodId } from '../../../../domain/reporting/periods';
import {
  compareWithPrevious,
  unexplainedOutliers,
  validateFiling,
  type FieldError,
  type FilingValues,
} from '../../../../domain/reporting/validation';
import { ApiError } from '../../../lib/api';
import { useLocale, useT } from '../../../lib/i18n';
import { hasPermission, useCurrentUser } from '../../../lib/session';
import {
  useFiling,
  useFilingAction,
  useFilings,
  useSaveDraft,
  type FilingDetail,
} from '../api/reporting-api';
import { filingPagePath } from './reporting-paths';

export type NewFiling = {
  formCode: string;
  period: string;
  kind: 'project' | 'zone';
  code: string;
  /** The reporter's name, when the link that opened the form knew it. */
  name?: string | undefined;
};

/** Values of the latest revision of the comparison period's accepted filing of the same reporter. */
export function usePreviousValues(
  form: FormVersion,
  target: NewFiling,
): { values: FilingValues; label: string } | null {
  const locale = useLocale();
  const parsed = parsePeriod(target.period);
  const previousPeriod = parsed ? periodId(comparisonPeriod(parsed, form.comparison)) : target.period;
  const list = useFilings({ period: previousPeriod, formCode: target.formCode, page: 1, pageSize: 500 });
  const match = list.data?.items.find(
    (f) => f.reporter.kind === target.kind && f.reporter.code === target.code && f.acceptedRevision !== null,
  );
  const previous = useFiling(match?.id ?? null);
  const accepted = previous.data?.revisions.find((r) => r.revisionNo === previous.data?.acceptedRevision);
  if (!accepted) return null;
  return { values: accepted.values, label: formatPeriod(previousPeriod, locale) };
}

/**
 * The filing editor's state and actions: the figures and explanations being typed, the same validation the
 * server runs (with the outlier check against the previous accepted period), saving, submitting and the
 * reviewer's return/accept — with conflicts (409) and field errors from the server kept apart for the page.
 */
export function useFilingEditor({
  form,
  target,
  detail,
}: {
  form: FormVersion;
  target: NewFiling;
  detail: FilingDetail | null;
}) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const last = detail?.revisions[detail.revisions.length - 1];
  const [values, setValues] = useState<FilingValues>(() => ({ ...(last?.values ?? {}) }));
  const [explanations, setExplanations] = useState<Record<string, string>>(() => ({
    ...(last?.explanations ?? {}),
  }));
  const [mode, setMode] = useState<'draft' | 'submit'>('draft');
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [returning, setReturning] = useState(false);
  const save = useSaveDraft();
  const act = useFilingAction();
  const busy = save.isPending || act.isPending;

  const canFile = detail ? detail.canFile : hasPermission(user, 'report.file');
  const editable = canFile && (!detail || detail.status !== 'submitted');
  const canReview = detail?.canReview === true && detail.status === 'submitted';

  const previous = usePreviousValues(form, target);
  const outliers = useMemo(
    () =>
      compareWithPrevious(form, values, previous?.values ?? null, {
        explanations,
        previousLabel: previous ? { vi: previous.label, en: previous.label } : undefined,
      }),
    [form, values, previous, explanations],
  );
  const clientErrors = useMemo(() => {
    const errors = validateFiling(form, values, {}, mode);
    return mode === 'submit' ? [...errors, ...unexplainedOutliers(outliers)] : errors;
  }, [form, values, mode, outliers]);
  const errorsByItem = useMemo(() => {
    const map = new Map<string, FieldError[]>();
    for (const e of clientErrors) map.set(e.item, [...(map.get(e.item) ?? []), e]);
    return map;
  }, [clientErrors]);
  const explain = new Set<string>([
    ...outliers.map((o) => o.item),
    ...Object.keys(serverErrors),
    ...Object.keys(explanations).filter((k) => explanations[k]),
  ]);

  function handleError(error: unknown) {
    if (error instanceof ApiError && error.status === 409) {
      setConflict(true);
      return;
    }
    if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
      setServerErrors(error.fieldErrors);
    }
    setFailure(error);
  }

  const body = () => ({
    formCode: target.formCode,
    period: target.period,
    reporter: { kind: target.kind, code: target.code },
    values: Object.fromEntries(form.items.map((i) => [i.indicator, values[i.indicator] ?? null])),
    explanations: Object.fromEntries(Object.entries(explanations).filter(([, text]) => text.trim() !== '')),
    ...(detail ? { version: detail.version } : {}),
  });

  async function onSave(submit: boolean) {
    setFailure(null);
    setServerErrors({});
    const checkMode = submit ? 'submit' : 'draft';
    setMode(checkMode);
    const errors = validateFiling(form, values, {}, checkMode).concat(
      submit ? unexplainedOutliers(outliers) : [],
    );
    if (errors.some((e) => e.severity === 'error')) {
      void message.error(t('reports.filing.fixErrors'));
      return;
    }
    try {
      const saved = await save.mutateAsync(body());
      const result = submit
        ? await act.mutateAsync({ action: 'submit', id: saved.id, version: saved.version })
        : saved;
      void message.success(submit ? t('reports.filing.submitted') : t('reports.filing.saved'));
      if (!detail) void navigate(filingPagePath(result.id), { replace: true });
    } catch (error) {
      handleError(error);
    }
  }

  async function onReview(action: 'accept' | 'return', reason = '') {
    if (!detail) return;
    setFailure(null);
    try {
      await act.mutateAsync(
        action === 'accept'
          ? { action, id: detail.id, version: detail.version }
          : { action, id: detail.id, version: detail.version, reason },
      );
      setReturning(false);
      void message.success(action === 'accept' ? t('reports.filing.accepted') : t('reports.filing.returned'));
    } catch (error) {
      setReturning(false);
      handleError(error);
    }
  }

  return {
    values,
    setValues,
    explanations,
    setExplanations,
    serverErrors,
    failure,
    conflict,
    returning,
    setReturning,
    save,
    act,
    busy,
    canFile,
    editable,
    canReview,
    previous,
    outliers,
    errorsByItem,
    explain,
    onSave,
    onReview,
  };
}

export type FilingEditorState = ReturnType<typeof useFilingEditor>;
