/** The reporting pages' addresses: the domain's statement (`domain/reporting/links.ts`), shared with notices. */
export {
  compiledLink as compiledPath,
  filingLink as filingPagePath,
  newFilingLink as newFilingPath,
  reportsHomeLink as reportsHomePath,
} from '../../../../domain/reporting/links';
