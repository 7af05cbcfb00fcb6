/**
 * The snapshot before an import and its restore, on the full benchmark binder (100,000
 * dossiers, 1,000,000 history entries): a stream copy of the whole binder into the
 * snapshots table, as takeSnapshot does (on the backup worker, as the app does), then that copy restored over the binder in one
 * transaction, checked as the manager would see it: as many dossiers, and today's folder
 * as full as it was seeded. That restore finds the binder as copied (undoing an import
 * that changed little), so it mostly reads and compares; `restoreIntoEmptyMs` restores the
 * same copy into an emptied binder (the recovery screen after a wiped database), where
 * every row is written.
 */
import { settle, type BenchCase } from '../bench-case';
import { clearAll } from '../../../renderer/data/portfolio-repo';
import { getSnapshot, saveSnapshot } from '../../../renderer/data/snapshot-repo';
import { copyBinderOut, restoreCopyIn } from '../../../renderer/workers/backup-client';

async function binderFigures(ctx: Parameters<BenchCase['run']>[0]) {
  const [dossiers, today] = await Promise.all([ctx.db.dossiers.count(), ctx.db.folderCounts.get(ctx.today)]);
  return { dossiers, today: today?.count ?? 0 };
}

const backupCase: BenchCase = {
  name: 'backup',
  goals: { snapshotMs: 60_000, restoreMs: 120_000 },
  async run(ctx) {
    const seeded = await binderFigures(ctx);
    let peak = ctx.heapMB();
    const sampler = setInterval(() => (peak = Math.max(peak, ctx.heapMB())), 50);
    let id = '';
    let copyMB = 0;
    const snapshotWatch = ctx.watchLongTasks();
    const snapshotMs = await ctx.time(async () => {
      const copy = await copyBinderOut();
      copyMB = copy.blob.size / 1024 ** 2;
      id = (await saveSnapshot('bench', copy)).id;
    });
    clearInterval(sampler);
    const snapshotUiMaxTaskMs = await snapshotWatch.stop();
    const snapshotPeakMB = Math.max(peak, ctx.heapMB());
    ctx.log(`backup: snapshot of ${seeded.dossiers} dossiers, ${copyMB.toFixed(1)} MB gzipped, in ${Math.round(snapshotMs)} ms`);

    const restore = () =>
      ctx.time(async () => {
        const snap = await getSnapshot(id);
        if (snap?.kind !== 'copy') throw new Error('the snapshot was not stored as a copy');
        await restoreCopyIn(snap.blob);
        const after = await binderFigures(ctx);
        if (after.dossiers !== seeded.dossiers || after.today !== seeded.today) {
          throw new Error(`restored ${after.dossiers} dossiers / ${after.today} today, seeded ${seeded.dossiers} / ${seeded.today}`);
        }
      });
    // The restore runs on the backup worker, as the app's does: how long the window still stalls meanwhile.
    const watch = ctx.watchLongTasks();
    const restoreMs = await restore();
    const restoreUiMaxTaskMs = await watch.stop();
    ctx.log(`backup: restored over the binder in ${Math.round(restoreMs)} ms; emptying it for the next restore`);
    await clearAll();
    await settle();
    const restoreIntoEmptyMs = await restore();
    // A kept profile is reused by the next run: the bench's snapshot does not stay in it.
    await ctx.db.snapshots.clear();
    return { snapshotMs: Math.round(snapshotMs), snapshotUiMaxTaskMs: Math.round(snapshotUiMaxTaskMs), restoreMs: Math.round(restoreMs), restoreIntoEmptyMs: Math.round(restoreIntoEmptyMs), restoreUiMaxTaskMs: Math.round(restoreUiMaxTaskMs), snapshotPeakMB: Math.round(snapshotPeakMB), snapshotCopyMB: Math.round(copyMB) };
  },
};

export default backupCase;
