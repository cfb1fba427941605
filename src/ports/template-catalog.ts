import type { ReportFormat } from '../domain/templates/report-format.js';
import type { PlanTemplate } from '../domain/templates/template.js';

export interface TemplateCatalog {
  readonly planTemplates: readonly PlanTemplate[];
  readonly reportFormats: readonly ReportFormat[];
}
