export * from './plan.ts';
export * from './network-change.ts';
export * from './bundled-plans.ts';
