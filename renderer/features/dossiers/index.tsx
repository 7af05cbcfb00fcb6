import type { ScreenProps } from '../../routes';

/** Placeholder until the dossiers screen lands. */
export default function Screen(_props: ScreenProps) {
  return <div className="placeholder">dossiers</div>;
}
