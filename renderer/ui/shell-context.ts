import { createContext, useContext } from 'react';
import type { StepKind } from '../../shared/model/records';

export interface NewDossierDefaults {
  defaultDate?: string;
  defaultTime?: string;
  defaultKind?: StepKind;
}

export interface ShellActions {
  /** Opens the new-dossier dialog (Ctrl+N), optionally filing into a given folder. */
  openNewDossier(defaults?: NewDossierDefaults): void;
  /** What Ctrl+N files into on the current screen (the Binder: the folder on screen); null resets. */
  setScreenDefaults(defaults: NewDossierDefaults | null): void;
}

export const ShellContext = createContext<ShellActions>({ openNewDossier: () => undefined, setScreenDefaults: () => undefined });

/** Actions the window offers every screen (the dialogs the shell mounts once). */
export function useShell(): ShellActions {
  return useContext(ShellContext);
}
