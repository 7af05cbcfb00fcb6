import type { ScreenProps } from '../../routes';

/** Placeholder until the calendar screen lands. */
export default function Screen(_props: ScreenProps) {
  return <div className="placeholder">calendar</div>;
}
