import type { ScreenProps } from '../../routes';

/** Placeholder until the dossier screen lands. */
export default function Screen(_props: ScreenProps) {
  return <div className="placeholder">dossier</div>;
}
