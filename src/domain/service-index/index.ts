export * from './config.ts';
export * from './scoring.ts';
export * from './evaluation.ts';
