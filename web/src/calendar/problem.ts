// An input the page refuses before asking the server. Kept as a message key (not a sentence) so it
// follows a language switch, like server errors do.
export type ProblemKey = 'due.missingWhen' | 'due.missingAmount' | 'adminCalendar.reasonTooShort';

export class InputProblem {
  constructor(readonly key: ProblemKey) {}
}
