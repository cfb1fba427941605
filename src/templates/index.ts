export { loadCatalog, loadPlanTemplate, loadReportFormat, TemplateFileError } from './load.js';
export type { Catalog, CatalogOptions, TemplateFileErrorCode } from './load.js';
export {
  checkPlanTemplate,
  checkReportFormat,
  formatPath,
  planTemplateSchema,
  reportFormatSchema,
} from './schema.js';
export type { TemplateCheck, TemplateProblem } from './schema.js';
