// Satisfaction rating of one dossier (Circular 01/2018 art. 12–13, domain.md §6): the citizen's overall
// level and their answers to the per-dossier indices a citizen can judge — (1) total time against the
// legal time, (3) contacts with the receiving place, (4) agencies to contact, (7) the officers' attitude —
// each worth 0, 1 or 2 points as art. 13 scores them.
import { invalid } from '../errors.ts';

export type OverallSatisfaction = 'very_satisfied' | 'satisfied' | 'dissatisfied';
export const OVERALL_LEVELS: readonly OverallSatisfaction[] = ['very_satisfied', 'satisfied', 'dissatisfied'];
export const OVERALL_LABELS_VI: Record<OverallSatisfaction, string> = { very_satisfied: 'Rất hài lòng', satisfied: 'Hài lòng', dissatisfied: 'Không hài lòng' };

export const RATING_CRITERIA = {
  /** Index 1: shorter than the legal time 2, equal 1, longer 0. */
  time: { early: 2, on_time: 1, late: 0 },
  /** Index 3: no trip to the receiving place 2, once 1, more 0. */
  contacts: { none: 2, once: 1, more: 0 },
  /** Index 4: no agency to contact 2, only the one-stop unit 1, more 0. */
  agencies: { none: 2, one_stop_only: 1, more: 0 },
  /** Index 7: attitude — courteous and no complaint 2, acceptable 1, a complaint about the officers 0. */
  attitude: { good: 2, acceptable: 1, complaint: 0 },
} as const;

export type RatingCriterion = keyof typeof RATING_CRITERIA;
export type RatingAnswers = { [K in RatingCriterion]: keyof (typeof RATING_CRITERIA)[K] };

export interface ScoredRating {
  overall: OverallSatisfaction;
  answers: RatingAnswers;
  points: Record<RatingCriterion, number>;
  total: number;
}

export function scoreRating(overall: string, answers: Record<string, string>): ScoredRating {
  const issues: Array<{ field: string; message: string }> = [];
  if (!(OVERALL_LEVELS as readonly string[]).includes(overall)) issues.push({ field: 'overall', message: 'Chọn Rất hài lòng, Hài lòng hoặc Không hài lòng.' });
  const points = {} as Record<RatingCriterion, number>;
  for (const criterion of Object.keys(RATING_CRITERIA) as RatingCriterion[]) {
    const scale = RATING_CRITERIA[criterion] as Record<string, number>;
    const answer = answers[criterion];
    if (answer === undefined || !(answer in scale)) issues.push({ field: `criteria.${criterion}`, message: `Chọn một câu trả lời cho tiêu chí "${criterion}".` });
    else points[criterion] = scale[answer]!;
  }
  if (issues.length > 0) throw invalid('INVALID_RATING', 'Phiếu đánh giá chưa đầy đủ.', { issues });
  const total = Object.values(points).reduce((a, b) => a + b, 0);
  return { overall: overall as OverallSatisfaction, answers: answers as RatingAnswers, points, total };
}
