import { useSyncExternalStore } from 'react';
import type { EventPayload } from '../../../../shared/api';
import { on } from '../../api';

// Progress events arrive from the core outside React, for any job of any feature. This small
// external store keeps the last event per job so every panel shows the same state; it subscribes
// once, on first use, and keeps finished jobs until they are dismissed (or fade, when done).

export type JobEvent = EventPayload<'progress'>;
export interface JobEntry extends JobEvent {
  /** When this window first heard of the job (ms), to tell "my" job from older ones. */
  firstSeen: number;
}

const DONE_FADE_MS = 5000;
const FINISHED: ReadonlySet<JobEvent['state']> = new Set(['done', 'cancelled', 'failed']);

let jobs: readonly JobEntry[] = [];
/** Dismissed jobs: a late event (events are delivered asynchronously) must not bring one back. */
const gone = new Set<string>();
let subscribed = false;
const listeners = new Set<() => void>();

function publish(next: readonly JobEntry[]): void {
  jobs = next;
  listeners.forEach((l) => l());
}

function receive(e: JobEvent): void {
  if (gone.has(e.job)) return;
  const known = jobs.find((j) => j.job === e.job);
  // A late "running" throttled event must never overwrite how the job ended, nor its saving.
  if (known && (FINISHED.has(known.state) || (known.state === 'saving' && e.state === 'running'))) return;
  const entry: JobEntry = { ...e, firstSeen: known?.firstSeen ?? Date.now() };
  let next = known ? jobs.map((j) => (j.job === e.job ? entry : j)) : [...jobs, entry];
  // Repeated short work (a screen refreshing its figures) must not stack rows: of finished jobs
  // with the same label only the latest stays. Failures and cancellations are kept until dismissed.
  if (e.state === 'done') next = next.filter((j) => j.job === e.job || j.state !== 'done' || j.label !== e.label);
  publish(next);
  if (e.state === 'done') setTimeout(() => dismissJob(e.job), DONE_FADE_MS);
}

function ensureSubscribed(): void {
  if (subscribed) return;
  subscribed = true;
  on('progress', receive);
}

export function dismissJob(job: string): void {
  gone.add(job);
  if (jobs.some((j) => j.job === job)) publish(jobs.filter((j) => j.job !== job));
}

function subscribe(listener: () => void): () => void {
  ensureSubscribed();
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The same list outside React (subscribing on first use). */
export function jobsSnapshot(): readonly JobEntry[] {
  ensureSubscribed();
  return jobs;
}

/** Every job this window has heard of and not yet dismissed, oldest first. */
export function useJobs(): readonly JobEntry[] {
  return useSyncExternalStore(subscribe, () => jobs);
}

/** The jobs first heard of at or after `since` (e.g. the moment a dialog started its call). */
export function useJobsSince(since: number | null): JobEntry[] {
  const all = useJobs();
  return since === null ? [] : all.filter((j) => j.firstSeen >= since);
}
