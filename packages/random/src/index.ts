export * from './random.js';
export * from './weighted-picker.js';
