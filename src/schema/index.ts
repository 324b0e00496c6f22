export * from './zod.ts';
export * from './catalogue.ts';
export * from './records.ts';
export * from './csv.ts';
export * from './record-kinds.ts';
