import { readVersionedFiles } from '../../shared/versioned-files.js';
import { type Pathway, pathwaySchema, type PathwayStep, type PathwayTrack } from './pathway.schema.js';

/*
 * The pathway of de lijn: every version in content/pathway/ is read and checked when the app starts, and the
 * app refuses to start when one is wrong (like the check's questionnaires). Besides the schema, the loader checks
 * the shape of each track: every step can be reached from the track's first step, and from every step the track
 * can still be finished. Loops are allowed; a step pointing to itself is not (the schema refuses it).
 */

/** All pathway versions in the repository; the newest published one is current. */
export interface PathwayRegistry {
  current: Pathway;
  /** A version by number (published or retired): a case's step moves name the version they were made in. */
  version(version: number): Pathway | undefined;
  all: readonly Pathway[];
}

export class PathwayFileError extends Error {
  constructor(file: string, problems: readonly string[]) {
    super(`The pathway file ${file} is refused: ${problems.join('; ')}`);
    this.name = 'PathwayFileError';
  }
}

/** Where one track stands in a case (stored by the items part of the case space, one row per track). */
export interface TrackState {
  /** The step the track is at now; null when the track has not started or is finished. */
  current: string | null;
  /** The steps already done, oldest first (a step done twice, after a loop, appears twice). */
  done: readonly string[];
  /** Who is on this track, as the case page names them ("Politie, eenheid Noord-Nederland"). */
  onIt: readonly string[];
}

/** A case's state of the pathway: track id → where it stands. A track that is absent has not started. */
export type PathwayState = Readonly<Record<string, TrackState>>;

/** The track's steps that `from` leads to within the same track. */
function nextInTrack(track: PathwayTrack, from: PathwayStep): PathwayStep[] {
  return from.next.flatMap((id) => track.steps.filter((step) => step.id === id));
}

/** The step ids reachable from `start` (itself included) inside its track. */
export function reachableInTrack(track: PathwayTrack, start: PathwayStep): Set<string> {
  const seen = new Set<string>([start.id]);
  const queue = [start];
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    for (const next of nextInTrack(track, item)) {
      if (!seen.has(next.id)) {
        seen.add(next.id);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** What is wrong with the tracks' shapes (an empty list when nothing is). */
export function pathwayProblems(pathway: Pathway): string[] {
  const problems: string[] = [];
  for (const track of pathway.tracks) {
    const first = track.steps[0];
    if (first === undefined) continue;
    const reachable = reachableInTrack(track, first);
    for (const step of track.steps) {
      if (!reachable.has(step.id)) {
        problems.push(`track ${track.id}: step ${step.id} cannot be reached from the first step ${first.id}`);
      }
      const onward = reachableInTrack(track, step);
      if (!track.steps.some((candidate) => candidate.end && onward.has(candidate.id))) {
        problems.push(`track ${track.id}: from step ${step.id} the track can never be finished`);
      }
    }
  }
  return problems;
}

/** Checks one parsed JSON value as a pathway; throws PathwayFileError naming every problem. */
export function parsePathway(raw: unknown, file: string): Pathway {
  const parsed = pathwaySchema.safeParse(raw);
  if (!parsed.success) {
    throw new PathwayFileError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`),
    );
  }
  const problems = pathwayProblems(parsed.data);
  if (problems.length > 0) throw new PathwayFileError(file, problems);
  return parsed.data;
}

/** Reads and checks every `vN.json` in the directory. */
export function loadPathways(directory: string): PathwayRegistry {
  const all = readVersionedFiles(directory, parsePathway, (file, problems) => new PathwayFileError(file, problems));
  const current = all.filter((entry) => entry.status === 'published').at(-1);
  if (current === undefined) throw new PathwayFileError(directory, ['no published pathway version']);
  return { current, all, version: (version) => all.find((entry) => entry.version === version) };
}

/** A track by id. */
export function findTrack(pathway: Pathway, trackId: string): PathwayTrack | undefined {
  return pathway.tracks.find((track) => track.id === trackId);
}

/** A step by id, with the track it belongs to. */
export function findStep(pathway: Pathway, stepId: string): { track: PathwayTrack; step: PathwayStep } | undefined {
  for (const track of pathway.tracks) {
    const step = track.steps.find((candidate) => candidate.id === stepId);
    if (step !== undefined) return { track, step };
  }
  return undefined;
}

/**
 * The steps a track may move to from where it stands: the steps after the current one within the track; when
 * the track has not started or is finished, its first step and every step another track points into (a track
 * can start where another one leads to it, e.g. the outcome of an investigation leads into protection).
 */
export function allowedMoves(pathway: Pathway, trackId: string, state: TrackState | undefined): PathwayStep[] {
  const track = findTrack(pathway, trackId);
  if (track === undefined) return [];
  const current = state?.current ?? null;
  if (current !== null) {
    const step = track.steps.find((candidate) => candidate.id === current);
    return step === undefined ? [] : nextInTrack(track, step);
  }
  const ownIds = new Set(track.steps.map((step) => step.id));
  const pointedInto = new Set(
    pathway.tracks
      .filter((other) => other.id !== track.id)
      .flatMap((other) => other.steps.flatMap((step) => step.next.filter((id) => ownIds.has(id)))),
  );
  return track.steps.filter((step, index) => index === 0 || pointedInto.has(step.id));
}
