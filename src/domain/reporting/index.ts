/**
 * The public surface of the statutory-reporting domain, named one by one (what services, routes and the web
 * use; everything else is internal to the module). See README.md beside this file.
 */
export {
  daysLate,
  dueInstant,
  isOnTime,
  localDateOf,
  timeliness,
  type IsoDate,
  type Timeliness,
} from './calendar';
export {
  calendarRange,
  comparisonPeriod,
  duePeriodsOfYear,
  formatPeriod,
  parsePeriod,
  parsePeriodLabel,
  periodId,
  periodTerms,
  type Period,
  type PeriodTerms,
  type PeriodType,
  type Schedule,
} from './periods';
export type { FormCode, FormItem, FormVersion, Indicator, ReporterKind, UnitCode } from './form-types';
export { indicatorOf, indicators, units } from './indicators';
export {
  checkCatalogue,
  formAt,
  formCatalogue,
  formForPeriod,
  formTerms,
  formVersion,
  itemOf,
} from './catalogue';
export {
  compareWithPrevious,
  fieldMessages,
  hasBlockingErrors,
  unexplainedOutliers,
  validateFiling,
  type FieldError,
  type FilingValues,
  type Outlier,
} from './validation';
export type { ProjectFacts, ZoneFacts } from './facts';
export {
  completeness,
  obligationKey,
  obligationsFor,
  type CompletenessRow,
  type Obligation,
} from './obligations';
export {
  compileClusterReport,
  type AcceptedFiling,
  type CompiledItem,
  type CompiledReport,
  type Gap,
  type Scope,
  type SourceRef,
} from './aggregate';
export {
  compileParksReport,
  parksCapitalRanges,
  yearToDatePeriods,
  type CapitalFigures,
  type ParksReport,
} from './parks-report';
export {
  compiledStatusLabel,
  filingStatusLabel,
  newCompilation,
  newFiling,
  reviewErrorToAppError,
  transitionCompiled,
  transitionFiling,
  type CompiledAction,
  type CompiledState,
  type FilingAction,
  type FilingState,
  type ReviewError,
} from './review';
