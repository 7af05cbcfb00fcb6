import type { ScreenProps } from '../../routes';

/** Placeholder until the sync screen lands. */
export default function Screen(_props: ScreenProps) {
  return <div className="placeholder">sync</div>;
}
