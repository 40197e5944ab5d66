import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ScheduleStore, StoredGroup, StoredSchedule } from './schedule-store.js';

/** The saved form of a {@link ScheduleStore} (schedules without their parsed expression). */
interface SavedState {
  version: 1;
  groups: StoredGroup[];
  schedules: Omit<StoredSchedule, 'expression'>[];
}

/**
 * File-backed mode of the scheduler emulator: the store is saved as JSON after changes (coalesced: at most one write
 * per `debounceMs`) and on {@link ScheduleFile.flush}, and loaded at start-up, so the local stack can be killed and
 * restarted mid-burst without losing schedules. Writes go to a temporary file renamed over the old one (never half a file).
 */
export class ScheduleFile {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly path: string,
    private readonly store: ScheduleStore,
    private readonly debounceMs = 50,
  ) {}

  /** Loads the saved schedules into the store (no file yet = nothing to load), then saves after every change. */
  attach(): void {
    let text: string | undefined;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text) {
      const saved = JSON.parse(text) as SavedState;
      this.store.restore(saved.groups, saved.schedules);
    }
    this.store.onChange = () => this.markDirty();
  }

  /** Writes the current state now (synchronously). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const state: SavedState = {
      version: 1,
      groups: this.store.listGroups(),
      schedules: this.store.list().map(({ expression: _parsed, ...rest }) => rest),
    };
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, this.path);
  }

  /** Stops saving (after a final flush by the caller, or not at all for a crash). */
  detach(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.store.onChange = () => undefined;
  }

  private markDirty(): void {
    this.timer ??= setTimeout(() => this.flush(), this.debounceMs);
  }
}
