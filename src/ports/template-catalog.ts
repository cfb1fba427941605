import type { ReportFormat } from '../domain/report-format.js';
import type { PlanTemplate } from '../domain/template.js';

export interface TemplateCatalog {
  readonly planTemplates: readonly PlanTemplate[];
  readonly reportFormats: readonly ReportFormat[];
}
