export * from './language';
export * from './message';
