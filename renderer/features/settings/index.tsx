import type { ScreenProps } from '../../routes';

/** Placeholder until the settings screen lands. */
export default function Screen(_props: ScreenProps) {
  return <div className="placeholder">settings</div>;
}
