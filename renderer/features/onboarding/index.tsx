import type { ScreenProps } from '../../routes';

/** Placeholder until the onboarding screen lands. */
export default function Screen(_props: ScreenProps) {
  return <div className="placeholder">onboarding</div>;
}
