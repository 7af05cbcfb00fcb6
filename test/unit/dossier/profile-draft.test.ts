import { describe, expect, it } from 'vitest';
import { profileDraftOf, profileErrors, profilePatchOf } from '../../../renderer/features/dossier/profile-draft';

const TODAY = '2026-12-01';
const empty = { segment: '' as const, vip: false };

describe('the card profile draft', () => {
  it('refuses an ОКВЭД code of the wrong form or class, and says which', () => {
    const d = profileDraftOf(empty);
    expect(profileErrors({ ...d, okved: '46.901' }, TODAY)).toEqual({ okved: 'okvedForm' });
    expect(profileErrors({ ...d, okved: '34.10' }, TODAY)).toEqual({ okved: 'okvedClass' });
    expect(profileErrors({ ...d, okved: ' 62,01 ' }, TODAY)).toEqual({});
    expect(profilePatchOf({ ...d, okved: ' 62,01 ' }).okved).toBe('62.01');
  });

  it('reads amounts as people type them; cleared fields clear; a future or unreadable registration day is refused', () => {
    const d = { ...profileDraftOf({ ...empty, annualRevenue: 5, headcount: 3, registeredOn: '2026-01-01' }), revenue: '150 000 000,50', headcount: '' };
    expect(profileErrors(d, TODAY)).toEqual({});
    expect(profilePatchOf(d)).toMatchObject({ annualRevenue: 150_000_000.5, headcount: undefined, registeredOn: '2026-01-01' });
    expect(profileErrors({ ...d, headcount: '12.5' }, TODAY)).toEqual({ headcount: 'headcount' });
    expect(profileErrors({ ...d, revenue: 'много' }, TODAY)).toEqual({ revenue: 'revenue' });
    expect(profileErrors({ ...d, registeredOn: null }, TODAY)).toEqual({ registeredOn: 'registeredOn' });
    expect(profileErrors({ ...d, registeredOn: '2026-12-02' }, TODAY)).toEqual({ registeredOn: 'registeredFuture' });
  });

  it('VIP follows the criteria, named and free; a bare flag stays only while kept', () => {
    const d = profileDraftOf({ ...empty, vip: true, vipCriteria: ['influential-owner', 'Друг директора'] });
    expect(d).toMatchObject({ named: ['influential-owner'], free: 'Друг директора', bareVip: false });
    expect(profilePatchOf({ ...d, free: 'Друг директора, , Сын мэра' })).toEqual(expect.objectContaining({ vip: true, vipCriteria: ['influential-owner', 'Друг директора', 'Сын мэра'] }));
    expect(profilePatchOf({ ...d, named: [], free: '' })).toEqual(expect.objectContaining({ vip: false, vipCriteria: undefined }));
    const bare = profileDraftOf({ ...empty, vip: true });
    expect(profilePatchOf(bare).vip).toBe(true);
    expect(profilePatchOf({ ...bare, bareVip: false }).vip).toBe(false);
  });
});
