export * from './codes.js';
export * from './reviews.js';
export * from './risk.js';
export * from './rules.js';
