/** Expert scoring, pure core: rubric, candidates, experts, assignment, the round plan, checking returned files, which files count, statistics, consolidation and its report (no I/O). */
export * from './rubric';
export * from './candidates';
export * from './experts';
export * from './assignment';
export * from './statistics';
export * from './metadata';
export * from './problems';
export * from './consolidate';
export * from './score-file';
export * from './consolidate-round';
export * from './round-plan';
export * from './result-content';
export * from './result-figures';
export * from './consolidation-report';
export * from './sheet-content';
