/** Which prompt questions the plan answers, marks not applicable (with a reason), or leaves open. */
import type { Plan, Section } from '../plan/plan.js';

export type QuestionState = 'answered' | 'not-applicable' | 'missing';

export interface QuestionCoverage {
  readonly questionId: string;
  readonly text: string;
  readonly sectionKey: string;
  readonly theme: number | null;
  readonly state: QuestionState;
  readonly reason: string | null;
}

export interface CoverageSummary {
  readonly questions: readonly QuestionCoverage[];
  readonly byTheme: readonly {
    readonly theme: number | null;
    readonly answered: number;
    readonly notApplicable: number;
    readonly missing: number;
  }[];
  readonly answered: number;
  readonly notApplicable: number;
  readonly missing: number;
}

export function sectionCoverage(section: Section): QuestionCoverage[] {
  return section.definition.promptQuestions.map((question) => {
    const answer = section.promptAnswers[question.id];
    return {
      questionId: question.id,
      text: question.text,
      sectionKey: section.definition.key,
      theme: section.definition.theme ?? null,
      state: answer?.state ?? 'missing',
      reason: answer?.state === 'not-applicable' ? answer.reason : null,
    };
  });
}

export function planCoverage(plan: Plan): CoverageSummary {
  const questions = plan.sections.flatMap(sectionCoverage);
  const themes = [...new Set(questions.map((q) => q.theme))];
  const count = (list: readonly QuestionCoverage[], state: QuestionState): number =>
    list.filter((q) => q.state === state).length;
  return {
    questions,
    byTheme: themes.map((theme) => {
      const ofTheme = questions.filter((q) => q.theme === theme);
      return {
        theme,
        answered: count(ofTheme, 'answered'),
        notApplicable: count(ofTheme, 'not-applicable'),
        missing: count(ofTheme, 'missing'),
      };
    }),
    answered: count(questions, 'answered'),
    notApplicable: count(questions, 'not-applicable'),
    missing: count(questions, 'missing'),
  };
}
