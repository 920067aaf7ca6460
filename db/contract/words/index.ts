export * from './codes.js';
export * from './meanings.js';
export * from './reviews.js';
export * from './risk.js';
export * from './rules.js';
export * from './settings.js';
export * from './text.js';
export * from './operations.js';
