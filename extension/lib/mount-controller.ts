/** Something mounted for one consultation that can be taken down again. */
export interface Mounted {
  remove(): void;
}

/**
 * Keeps exactly one UI mounted for the consultation in the current URL, following Neo's in-page navigation:
 * a new consultation → remount; a non-consultation page → unmount; the same consultation → nothing.
 * Overlapping calls (fast navigation while a mount is still loading) resolve to the latest URL.
 */
export function createMountController(options: {
  idFromUrl: (url: string) => string | undefined;
  mount: (consultationId: string) => Promise<Mounted>;
}) {
  let currentId: string | undefined;
  let current: Mounted | undefined;
  let generation = 0;

  return {
    /** The consultation currently mounted for, if any. */
    get consultationId() {
      return current ? currentId : undefined;
    },
    /** Brings the UI in line with `url`. */
    async sync(url: string): Promise<void> {
      const id = options.idFromUrl(url);
      if (id === currentId) return;
      const mine = ++generation;
      current?.remove();
      current = undefined;
      currentId = id;
      if (!id) return;
      const mounted = await options.mount(id);
      if (mine !== generation) {
        mounted.remove();
        return;
      }
      current = mounted;
    },
    /** Unmounts whatever is mounted. */
    stop(): void {
      generation++;
      current?.remove();
      current = undefined;
      currentId = undefined;
    },
  };
}
