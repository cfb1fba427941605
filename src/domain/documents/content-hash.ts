/**
 * The version hash approvals bind to: a SHA-256 over everything that appears in the assembled document,
 * and nothing that does not (owners, statuses, due dates and approvals themselves are left out, so that
 * recording an approval never changes what was approved). A section still "to follow" appears as its
 * placeholder, never its draft: drafting it changes nothing approvers saw, and its landing does.
 * Each section also has a hash of its own, which a stage that covers only some sections compares.
 */
import { canonicalJson, CanonicalText } from '../support/canonical-json.js';
import type { Plan, Section } from '../plan/plan.js';
import { sha256Hex } from '../support/sha256.js';

/** What one section contributes to the document. Unchanged for sections not to follow. */
export function sectionDocumentContent(section: Section): unknown {
  const base = { key: section.definition.key, title: section.definition.title };
  if (section.toFollow !== null) {
    return { ...base, toFollow: { from: section.toFollow.from, by: section.toFollow.by } };
  }
  return {
    ...base,
    content: section.content,
    figures: section.figures,
    promptAnswers: section.promptAnswers,
  };
}

export function documentContent(plan: Plan): unknown {
  return {
    title: plan.title,
    council: plan.council,
    template: [plan.templateId, plan.templateVersion],
    reportFormat: plan.reportFormatId,
    header: plan.header,
    decisionMeeting: plan.dates.decisionMeeting,
    keyDecision: plan.dates.keyDecision,
    sections: plan.sections.map(sectionDocumentContent),
  };
}

/**
 * Plans and sections are immutable values, so what is worked out once for an object holds for it: a
 * section's canonical JSON and hash, a plan's hash (remembered per object, forgotten with it). A click
 * makes new plan objects (reconcile, decide) that mostly keep their section objects, so a plan's hash is
 * then the join of remembered section texts; and the few documents hashed last are remembered by their
 * text, so an unchanged document is not hashed again.
 */
const planHashes = new WeakMap<Plan, string>();
const sectionTexts = new WeakMap<Section, string>();
const sectionHashesOf = new WeakMap<Section, string>();
const RECENT_DOCUMENTS = 8;
const recentDocuments = new Map<string, string>();

function sectionText(section: Section): string {
  let text = sectionTexts.get(section);
  if (text === undefined) {
    text = canonicalJson(sectionDocumentContent(section));
    sectionTexts.set(section, text);
  }
  return text;
}

/** canonicalJson(documentContent(plan)), built from each section's remembered text. */
function documentText(plan: Plan): string {
  const content = documentContent(plan) as Record<string, unknown>;
  return canonicalJson({ ...content, sections: plan.sections.map((s) => new CanonicalText(sectionText(s))) });
}

function hashOfDocument(text: string): string {
  let hash = recentDocuments.get(text);
  if (hash === undefined) {
    hash = sha256Hex(text);
    if (recentDocuments.size >= RECENT_DOCUMENTS)
      recentDocuments.delete(recentDocuments.keys().next().value!);
  } else recentDocuments.delete(text);
  recentDocuments.set(text, hash);
  return hash;
}

export function contentHash(plan: Plan): string {
  let hash = planHashes.get(plan);
  if (hash === undefined) {
    hash = hashOfDocument(documentText(plan));
    planHashes.set(plan, hash);
  }
  return hash;
}

export function sectionHash(section: Section): string {
  let hash = sectionHashesOf.get(section);
  if (hash === undefined) {
    hash = sha256Hex(sectionText(section));
    sectionHashesOf.set(section, hash);
  }
  return hash;
}

/** Every section's hash by key: what a stage records when it binds a version. */
export function sectionHashes(plan: Plan): Record<string, string> {
  return Object.fromEntries(plan.sections.map((s) => [s.definition.key, sectionHash(s)]));
}

export const shortHash = (hash: string): string => hash.slice(0, 7);
