import { consultationIdFromUrl } from '@vfc/shared/neo/consultation-url';
import { describe, expect, it } from 'vitest';
import { createMountController } from './mount-controller';

function harness() {
  const log: string[] = [];
  const pending: (() => void)[] = [];
  let slow = false;
  const controller = createMountController({
    idFromUrl: consultationIdFromUrl,
    mount: async (id) => {
      if (slow) await new Promise<void>((resolve) => pending.push(resolve));
      log.push(`mount ${id}`);
      return { remove: () => log.push(`remove ${id}`) };
    },
  });
  return { controller, log, pending, setSlow: (v: boolean) => (slow = v) };
}

const neo = 'https://us.idexxneo.com';

describe('createMountController', () => {
  it('mounts, remounts on a new consultation, ignores same-consultation moves, unmounts off consultations', async () => {
    const { controller, log } = harness();
    await controller.sync(`${neo}/consultations/view/1`);
    await controller.sync(`${neo}/consultations/edit/1`);
    await controller.sync(`${neo}/consultations/view/2`);
    await controller.sync(`${neo}/appointments`);
    expect(log).toEqual(['mount 1', 'remove 1', 'mount 2', 'remove 2']);
    expect(controller.consultationId).toBeUndefined();
  });

  it('drops a mount that finished after the user had moved on', async () => {
    const { controller, log, pending, setSlow } = harness();
    setSlow(true);
    const first = controller.sync(`${neo}/consultations/view/1`);
    setSlow(false);
    await controller.sync(`${neo}/consultations/view/2`);
    pending.forEach((resolve) => resolve());
    await first;
    expect(log).toEqual(['mount 2', 'mount 1', 'remove 1']);
    expect(controller.consultationId).toBe('2');
  });
});
