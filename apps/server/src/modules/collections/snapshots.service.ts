/** Reading certification snapshots (ARCHITECTURE §4 Certification): lists, per-template diffs, the transition log. */
import type { CertificationDeps } from './certification.service.ts';
import { transitionsOf } from './certification.repository.ts';
import { findEvent } from './events.repository.ts';
import { snapshotYears, sourcesFor } from './snapshot-sources.ts';
import { diffSnapshot, type TemplateDiff } from './snapshot-diff.repository.ts';
import {
  findSnapshot,
  liveRows,
  snapshotsOf,
  sourceColumns,
  takeSnapshots,
  type SnapshotRecord,
} from './snapshot.repository.ts';

/** A diff outcome: every template of the event, zero counts included. */
export type DiffOutcome =
  { kind: 'done'; from: number; to: number | 'live'; templates: TemplateDiff[] } | { kind: 'not-found' };

/** Builds the snapshots service. */
export function snapshotsService(deps: CertificationDeps) {
  const db = deps.database.db;
  return {
    /** A district's snapshots of an event, newest first. */
    list: (eventId: number, district: string) => snapshotsOf(db, eventId, district),
    /** One snapshot header (routes resolve its district for the access check). */
    get: (id: number): Promise<SnapshotRecord | null> => findSnapshot(db, id),
    /** Records added, removed and changed per template between two snapshots or a snapshot and live data. */
    async diff(from: number, to: { snapshot: number } | 'live'): Promise<DiffOutcome> {
      const a = await findSnapshot(db, from);
      if (!a) return { kind: 'not-found' };
      const event = await findEvent(db, a.eventId);
      if (!event) return { kind: 'not-found' };
      if (to !== 'live' && !(await findSnapshot(db, to.snapshot))) return { kind: 'not-found' };
      const sources = sourcesFor(event.templates);
      const live = liveRows(sources, [a.district], snapshotYears(event), await sourceColumns(db, sources));
      const found = await diffSnapshot(db, from, to === 'live' ? { live } : to);
      const byTemplate = new Map(found.map((d) => [d.template, d]));
      const empty = (template: string): TemplateDiff => ({
        template,
        added: 0,
        removed: 0,
        changed: 0,
        unchanged: 0,
        addedKeys: [],
        removedKeys: [],
        changedKeys: [],
      });
      const templates = [...new Set([...event.templates, ...byTemplate.keys()])].map(
        (t) => byTemplate.get(t) ?? empty(t),
      );
      return { kind: 'done', from, to: to === 'live' ? 'live' : to.snapshot, templates };
    },
    /** The transition log of an event, for one district or all. */
    transitions: (eventId: number, district: string | null) => transitionsOf(db, eventId, district),
    /**
     * A statewide snapshot of an event for every district at once (state staff, and the benchmark): one
     * set-based statement per step whatever the number of districts.
     */
    async statewide(eventId: number, districts: readonly string[], takenBy: number | null) {
      const event = await findEvent(db, eventId);
      if (!event) return { kind: 'not-found' as const };
      const ids = await db.transaction().execute(
        async (trx) =>
          await takeSnapshots(trx, {
            eventId,
            schoolYear: snapshotYears(event),
            takenBy,
            targets: districts.map((d) => ({ district: d, round: 0 })),
            sources: sourcesFor(event.templates),
          }),
      );
      return { kind: 'done' as const, snapshots: ids.size };
    },
  };
}

/** The snapshots service type. */
export type SnapshotsService = ReturnType<typeof snapshotsService>;
