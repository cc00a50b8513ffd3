/**
 * 生成评分表: the candidates of the open workbook, the expert list the user picks, the round and options, the
 * assignment planned as soon as both lists are known, and the zip of every expert's workbook.
 */
import * as React from 'react';
import type { Profile } from '../../core/profiles/schema';
import type { Strings } from '../i18n';
import { asHostError, type HostError, type WorkbookHost } from '../hosts/workbook-host';
import type { CandidateInfo, ScoringPlan } from '../hosts/workbook-tools';
import { loadWorkbookTools } from '../tools/load';
import { readPickedFiles, saveBytes, type PickedFile } from '../download';
import { scoreZipName } from '../scoring-view';
import { useRubricRounds } from './useRubricRounds';
import { useWorkbookSource, type WorkbookSourceState } from './useWorkbookSource';

export interface Pending<T> {
  value?: T;
  error?: HostError;
  busy: boolean;
}

export interface Generation {
  running: boolean;
  progress?: { done: number; total: number };
  /** What was downloaded, said for the user. */
  done?: string;
  error?: HostError;
}

export interface ScoreSheetsModel {
  workbook: WorkbookSourceState;
  candidates: Pending<CandidateInfo>;
  rounds: readonly string[];
  /** The round chosen, else the rubric's first. */
  round?: string;
  setRound(round: string): void;
  blind: boolean;
  setBlind(on: boolean): void;
  /** The candidate table has a 组别 column to assign by. */
  canGroup: boolean;
  grouped: boolean;
  setGroupBy(on: boolean): void;
  /** A ranking ballot (会审答辩) instead of scores. */
  ballot: boolean;
  setBallot(on: boolean): void;
  experts?: PickedFile;
  pickExperts(files: File[]): void;
  plan: Pending<ScoringPlan>;
  generation: Generation;
  generate(): Promise<void>;
  /** Reading or planning. */
  busy: boolean;
}

export function useScoreSheets({ host, profile, t }: { host?: WorkbookHost; profile?: Profile; t: Strings }): ScoreSheetsModel {
  const workbook = useWorkbookSource(host);
  const { source } = workbook;
  const rounds = useRubricRounds(profile);
  const [round, setRound] = React.useState<string | undefined>();
  const [blind, setBlind] = React.useState(false);
  const [groupBy, setGroupBy] = React.useState(false);
  const [ballot, setBallot] = React.useState(false);
  const [experts, setExperts] = React.useState<PickedFile | undefined>();
  const [candidates, setCandidates] = React.useState<Pending<CandidateInfo>>({ busy: false });
  const [plan, setPlan] = React.useState<Pending<ScoringPlan>>({ busy: false });
  const [generation, setGeneration] = React.useState<Generation>({ running: false });
  const chosenRound = round && rounds.includes(round) ? round : rounds[0];

  // Candidates of the open workbook.
  React.useEffect(() => {
    if (!profile || !source) {
      setCandidates({ busy: false });
      return;
    }
    let active = true;
    setCandidates({ busy: true });
    loadWorkbookTools()
      .then((tools) => tools.candidateInfo(profile, source))
      .then((value) => active && setCandidates({ value, busy: false }))
      .catch((e: unknown) => active && setCandidates({ error: asHostError(e), busy: false }));
    return () => {
      active = false;
    };
  }, [profile, source]);

  const canGroup = !!candidates.value?.hasGroups;
  const grouped = groupBy && canGroup;

  // The assignment, as soon as the experts are known.
  React.useEffect(() => {
    setGeneration((g) => ({ ...g, done: undefined, error: undefined }));
    if (!profile || !source || !experts || !candidates.value) {
      setPlan({ busy: false });
      return;
    }
    let active = true;
    setPlan({ busy: true });
    loadWorkbookTools()
      .then((tools) => tools.planScoring({ profile, source, experts, round: chosenRound, blind, groupBy: grouped, ballot }))
      .then((value) => active && setPlan({ value, busy: false }))
      .catch((e: unknown) => active && setPlan({ error: asHostError(e), busy: false }));
    return () => {
      active = false;
    };
  }, [profile, source, experts, candidates.value, chosenRound, blind, grouped, ballot]);

  const pickExperts = (files: File[]) => {
    readPickedFiles(files.slice(0, 1))
      .then(([f]) => setExperts(f))
      .catch((e: unknown) => setPlan({ error: asHostError(e), busy: false }));
  };

  const generate = async () => {
    if (!profile || !source || !experts) return;
    setGeneration({ running: true });
    try {
      const tools = await loadWorkbookTools();
      const onProgress = (done: number, total: number) => setGeneration((g) => ({ ...g, progress: { done, total } }));
      const out = await tools.scoreSheetsZip({ profile, source, experts, round: chosenRound, blind, groupBy: grouped, ballot, onProgress });
      const name = scoreZipName(out.round, blind);
      saveBytes(out.zip, name);
      setGeneration((g) => ({ ...g, done: t.scGenerated(out.sheets.length, name, out.keyName) }));
    } catch (e) {
      setGeneration((g) => ({ ...g, error: asHostError(e) }));
    } finally {
      setGeneration((g) => ({ ...g, running: false, progress: undefined }));
    }
  };

  return {
    workbook,
    candidates,
    rounds,
    round: chosenRound,
    setRound,
    blind,
    setBlind,
    canGroup,
    grouped,
    setGroupBy,
    ballot,
    setBallot,
    experts,
    pickExperts,
    plan,
    generation,
    generate,
    busy: workbook.reading || candidates.busy || plan.busy,
  };
}
