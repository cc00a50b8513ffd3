/** Cultivation tracking (issue 5), pure part: workbook design, formulas, trainees from a nominee grid, rollover. */
export * from './design';
export * from './formulas';
export * from './model';
export * from './sheets';
export * from './guide';
export * from './print';
export { traineesFromGrid, NoTraineeTableError } from './trainees';
export type { TraineeSource } from './trainees';
export { planRollover, NoTrackingTableError } from './rollover';
export type { RolloverPlan, RolloverReport } from './rollover';
