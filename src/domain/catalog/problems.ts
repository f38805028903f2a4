// What normalisation could not do, or did under an assumption, stored on the version for an admin to fix.
// `unparsed`: the value is kept as its original text and not used for computation (e.g. a time limit
// with no unit). `review`: a value was derived and is used, but a person should confirm it.

export type ProblemSeverity = 'unparsed' | 'review';

export interface NormalisationProblem {
  /** Machine code, e.g. DURATION_NO_UNIT. */
  code: string;
  severity: ProblemSeverity;
  /** Where in the procedure, e.g. "channels.direct.duration" or "documents[3].originals". */
  path: string;
  /** The original text (or value) concerned. */
  text: string;
  /** Vietnamese explanation for the admin. */
  message: string;
}

export function problem(code: string, severity: ProblemSeverity, path: string, text: string, message: string): NormalisationProblem {
  return { code, severity, path, text, message };
}
