import type { ScreenProps } from '../../routes';

/** Placeholder until the today screen lands. */
export default function Screen(_props: ScreenProps) {
  return <div className="placeholder">today</div>;
}
