import type { ScreenProps } from '../../routes';

/** Placeholder until the binder screen lands. */
export default function Screen(_props: ScreenProps) {
  return <div className="placeholder">binder</div>;
}
