/**
 * Publication: the decided version, assembled to Word and accessible HTML, uploaded to the document
 * library with its metadata, put on a SharePoint page, and recorded on the plan with its links. Every step
 * is keyed by the plan and version, so a retried publication finds and reuses what the first attempt made.
 * Also the frozen copy of each version that goes round for approval.
 */
import type { Actor } from '../../domain/plan/commands.js';
import { contentHash } from '../../domain/documents/content-hash.js';
import { versionSnapshot } from '../../domain/sections/section-snapshot.js';
import type { IsoDateTime, Plan } from '../../domain/plan/plan.js';
import { refuse, type Result } from '../../domain/support/result.js';
import { decide } from '../../domain/workflow/decide.js';
import type { DocumentStore, StoredDocument } from '../../ports/document-store.js';
import type { DocumentRenderer, RenderedDocuments, SitePagePublisher } from '../../ports/publishing.js';
import { runCommand, type CommandDeps, type CommandOutcome } from '../plans/run-command.js';

export interface PublishDeps {
  readonly commands: CommandDeps;
  readonly documents: DocumentStore;
  readonly renderer: DocumentRenderer;
  readonly pages: SitePagePublisher;
}

/** Councils keep published plans for six years (retention schedules for policy documents). */
export const RETENTION_YEARS = 6;

export function retainUntil(at: IsoDateTime): string {
  const date = new Date(at);
  date.setUTCFullYear(date.getUTCFullYear() + RETENTION_YEARS);
  return date.toISOString().slice(0, 10);
}

export const folderOf = (planId: string, version: number, kind: 'frozen' | 'published'): string =>
  `Plans/${planId}/v${version}/${kind}`;

async function upload(
  documents: DocumentStore,
  plan: Plan,
  rendered: RenderedDocuments,
  kind: 'frozen' | 'published',
  at: IsoDateTime,
): Promise<{ docx: StoredDocument; html: StoredDocument }> {
  const metadata = {
    PlanId: plan.id,
    PlanVersion: plan.contentVersion,
    ContentHash: contentHash(plan),
    DocumentStatus: kind,
    RetainUntil: `${retainUntil(at)}T00:00:00Z`,
  };
  const folder = folderOf(plan.id, plan.contentVersion, kind);
  const html = await documents.put(
    `${folder}/${rendered.fileStem}.html`,
    new TextEncoder().encode(rendered.html),
    'text/html',
    metadata,
  );
  const docx = await documents.put(
    `${folder}/${rendered.fileStem}.docx`,
    rendered.docx,
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    metadata,
  );
  return { docx, html };
}

/** Where a version's section texts are kept, for "what changed since you approved". */
export const snapshotPath = (planId: string, version: number): string =>
  `${folderOf(planId, version, 'frozen')}/sections.json`;

/**
 * The exact version approvers are asked about, kept as Word and HTML in the library, with the text of
 * each section beside them so a later version can be compared with it.
 */
export async function freezeVersion(
  deps: Pick<PublishDeps, 'documents' | 'renderer'>,
  plan: Plan,
  at: IsoDateTime,
): Promise<{ docx: StoredDocument; html: StoredDocument }> {
  const files = await upload(deps.documents, plan, await deps.renderer.render(plan, 'omit'), 'frozen', at);
  const snapshot = versionSnapshot(plan, plan.contentVersion, contentHash(plan));
  await deps.documents.put(
    snapshotPath(plan.id, plan.contentVersion),
    new TextEncoder().encode(JSON.stringify(snapshot)),
    'application/json',
    {
      PlanId: plan.id,
      PlanVersion: plan.contentVersion,
      ContentHash: snapshot.hash,
      DocumentStatus: 'frozen',
      RetainUntil: `${retainUntil(at)}T00:00:00Z`,
    },
  );
  return files;
}

export interface PublishOptions {
  /** Publish before call-in ends, where the council's rules allow urgency: the reason is recorded. */
  readonly callInOverride?: { readonly reason: string };
}

export async function publishPlan(
  deps: PublishDeps,
  planId: string,
  actor: Actor,
  options: PublishOptions = {},
): Promise<Result<CommandOutcome>> {
  const override = options.callInOverride === undefined ? {} : { callInOverride: options.callInOverride };
  const loaded = await deps.commands.store.load(planId);
  if (!loaded.ok) return loaded;
  const plan = loaded.value.plan;
  const versionHash = contentHash(plan);
  // Ask the workflow first, so nothing is uploaded for a publication it would refuse.
  const allowed = decide(
    plan,
    { type: 'publish', versionHash, links: [{ label: 'check', url: 'https://example.org' }], ...override },
    actor,
    deps.commands.clock.now(),
  );
  if (!allowed.ok) return allowed;
  if (!allowed.value.changed)
    return refuse('INVALID_STATE', 'This version is already published.', {
      links: plan.publication?.links ?? [],
    });
  const at = deps.commands.clock.now();
  const rendered = await deps.renderer.render(plan, 'include');
  const files = await upload(deps.documents, plan, rendered, 'published', at);
  // Public bodies publish HTML first, with the Word file and a PDF beside it; SharePoint makes the PDF.
  const pdfBytes = await deps.documents.pdfOf(files.docx.id);
  const pdf = pdfBytes
    ? await deps.documents.put(
        `${folderOf(plan.id, plan.contentVersion, 'published')}/${rendered.fileStem}.pdf`,
        pdfBytes,
        'application/pdf',
        {
          PlanId: plan.id,
          PlanVersion: plan.contentVersion,
          ContentHash: versionHash,
          DocumentStatus: 'published',
          RetainUntil: `${retainUntil(at)}T00:00:00Z`,
        },
      )
    : null;
  const page = await deps.pages.publish(
    `plan-${plan.id}-v${plan.contentVersion}.aspx`,
    rendered.title,
    rendered.htmlBody,
  );
  return runCommand(
    deps.commands,
    planId,
    {
      type: 'publish',
      versionHash,
      links: [
        { label: 'Web page', url: page.webUrl },
        { label: 'Accessible HTML', url: files.html.webUrl },
        { label: 'Word document', url: files.docx.webUrl },
        ...(pdf ? [{ label: 'PDF', url: pdf.webUrl }] : []),
      ],
      ...override,
    },
    actor,
  );
}
