export * from './states.ts';
export * from './machine.ts';
