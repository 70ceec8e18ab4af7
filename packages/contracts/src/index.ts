export * from './organizations.ts';
export * from './problem.ts';
export * from './profile.ts';
export * from './uploads.ts';
export * from './identity.ts';
export * from './templates.ts';
export * from './extracts.ts';
export * from './validation.ts';
