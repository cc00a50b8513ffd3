/** Expert scoring, pure core: rubric, candidates, experts, assignment, statistics, consolidation (no I/O). */
export * from './rubric';
export * from './candidates';
export * from './experts';
export * from './assignment';
export * from './statistics';
export * from './metadata';
export * from './problems';
export * from './consolidate';
