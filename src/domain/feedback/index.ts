// Public API of the feedback domain (phản ánh, kiến nghị; yêu cầu tư vấn): kinds and statuses, the
// tracking code, submission checks, history → state, transitions, legal deadlines, indicators 5.1–5.3,
// anonymisation and routing.
export * from './kinds.ts';
export * from './tracking-code.ts';
export * from './submission.ts';
export * from './history.ts';
export * from './transitions.ts';
export * from './deadlines.ts';
export * from './indicators.ts';
export * from './anonymise.ts';
export * from './routing.ts';
export * from './attachments.ts';
