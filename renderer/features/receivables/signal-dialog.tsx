import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { LADDER_LEVELS, type LadderLevel } from '../../../shared/model/records';
import { debtsAtLevel, type ReceivablesFilter } from '../../data/receivables-repo';
import { getBridge } from '../../bridge';
import { Dialog } from '../../ui/dialog';
import { useToast } from '../../ui/toast';
import { signalReport } from './signal-report';

/** "Signal finance and legal": the debts at or past a chosen level, exported as a workbook to send on. */
export function SignalDialog({ open, today, filter, onClose }: { open: boolean; today: string; filter: ReceivablesFilter; onClose(): void }) {
  const { t } = useTranslation('receivables');
  const toast = useToast();
  const [level, setLevel] = useState<LadderLevel>('claim');
  const debts = useLiveQuery(() => (open ? debtsAtLevel(level, today, filter) : Promise.resolve([])), [open, level, today, filter]);
  const exportIt = async () => {
    if (!debts?.length) return;
    const name = `debts-${level}-${today}.xlsx`;
    const r = await getBridge().saveFile({ suggestedName: name, data: signalReport(debts, (k) => t(k)), filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    if (r.saved) {
      toast({ message: t('desk.signal.done', { file: name }) });
      onClose();
    }
  };
  return (
    <Dialog
      open={open} title={t('desk.signal.title')} onClose={onClose} testId="signal-dialog"
      footer={<>
        <button type="button" className="btn btn-primary" disabled={!debts?.length} onClick={() => void exportIt()}>{t('desk.signal.export')}</button>
        <button type="button" className="btn" onClick={onClose}>{t('desk.paste.close')}</button>
      </>}
    >
      <label className="rcv-field">
        <span>{t('desk.signal.level')}</span>
        <select value={level} onChange={(e) => setLevel(e.target.value as LadderLevel)}>
          {LADDER_LEVELS.map((l) => <option key={l} value={l}>{t(`level.${l}`)}</option>)}
        </select>
      </label>
      <p data-testid="signal-count">{debts === undefined ? '…' : debts.length ? t('desk.signal.count', { count: debts.length }) : t('desk.signal.none')}</p>
    </Dialog>
  );
}
