import type { ComponentType } from 'react';
import { ConnectionSection } from './ConnectionSection';

/** One section of the options page. Append to `OPTIONS_SECTIONS` to add one (e.g. an admin section). */
export interface OptionsSection {
  id: string;
  title: string;
  Component: ComponentType;
}

export const OPTIONS_SECTIONS: OptionsSection[] = [{ id: 'connection', title: 'Connection', Component: ConnectionSection }];
